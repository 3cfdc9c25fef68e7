import { describe, expect, it, vi } from "vitest";
import { addVarianceNoteAction } from "@/app/(dashboard)/variances/actions";
import { GET as listExceptionsRoute } from "@/app/api/exceptions/route";
import { demoDatabaseFixture } from "../helpers/demo-fixture";
import { session } from "../helpers/entry-points";
import { DEMO_END_DATE } from "../helpers/test-database";
import { variancesOn } from "../helpers/variance-fixtures";

// Every line the app logs, as the JSON a log collector would read: the real logger, writing here.
const logged = vi.hoisted(() => [] as Record<string, unknown>[]);
vi.mock("@/lib/logging/logger", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/logging/logger")>();
  return { ...actual, logger: actual.createLogger({ write: (line: string) => logged.push(JSON.parse(line)) }, "info") };
});
vi.mock("@/lib/auth/auth", async () => (await import("../helpers/entry-points")).authModuleMock);
vi.mock("@/lib/db/prisma", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getPrisma: (await import("../helpers/entry-points")).currentDatabase,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const linesWith = (fields: Record<string, unknown>) =>
  logged.filter((line) => Object.entries(fields).every(([key, value]) => line[key] === value));

describe("server logs", () => {
  const fixture = demoDatabaseFixture();

  it("a failing action's log line carries its name, the actor's id and the reference the person is shown", async () => {
    const { database, actors } = fixture;
    session.db = fixture.db;
    session.userId = actors.technician.id;
    const [variance] = await variancesOn(database.pool, DEMO_END_DATE);
    // A real database error in the middle of the command's transaction: its audit table is gone.
    await database.pool.query("ALTER TABLE variance_dashboard.audit_events RENAME TO audit_events_away");
    const result = await addVarianceNoteAction({ ...variance!, text: "Called the client." }).finally(() =>
      database.pool.query("ALTER TABLE variance_dashboard.audit_events_away RENAME TO audit_events"),
    );

    expect(result.serverError?.code).toBe("unexpected");
    const message = result.serverError?.message ?? "";
    expect(message).toMatch(/^Something went wrong and nothing was changed\. Try again in a moment\. Reference: \w+$/);
    const reference = message.split("Reference: ")[1];
    const matching = linesWith({ requestId: reference });
    expect(matching).toHaveLength(1);
    const line = matching[0]!;
    expect(line).toMatchObject({
      level: 50,
      action: "addVarianceNote",
      actorId: actors.technician.id,
      outcome: "failed",
    });
    expect(line.durationMs).toEqual(expect.any(Number));
    expect((line.err as { stack: string }).stack).toMatch(/audit_events/);
  });

  it("an action's outcome, refused or ok, is one line with its name, actor, outcome and duration", async () => {
    const { database, actors } = fixture;
    session.db = fixture.db;
    const [, variance] = await variancesOn(database.pool, DEMO_END_DATE);
    const input = { ...variance!, text: "Spoke to the client." };
    session.userId = actors.manager.id;
    expect((await addVarianceNoteAction(input)).serverError?.code).toBe("forbidden");
    session.userId = actors.technician.id;
    expect((await addVarianceNoteAction(input)).serverError).toBeUndefined();

    expect(linesWith({ action: "addVarianceNote", actorId: actors.manager.id })).toEqual([
      expect.objectContaining({ level: 30, outcome: "refused", code: "forbidden", durationMs: expect.any(Number) }),
    ]);
    expect(linesWith({ action: "addVarianceNote", actorId: actors.technician.id, outcome: "ok" })).toEqual([
      expect.objectContaining({ level: 30, requestId: expect.any(String), durationMs: expect.any(Number) }),
    ]);
  });

  it("a JSON API route logs its name, the actor's id, the status and the duration", async () => {
    session.db = fixture.db;
    session.userId = fixture.actors.manager.id;
    const ok = await listExceptionsRoute(new Request("http://localhost/api/exceptions?limit=1"));
    const bad = await listExceptionsRoute(new Request("http://localhost/api/exceptions?limit=-1"));
    expect([ok.status, bad.status]).toEqual([200, 400]);

    expect(
      linesWith({ route: "listExceptions", actorId: fixture.actors.manager.id }).map((line) => line.status),
    ).toEqual([200, 400]);
  });
});
