import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { connectionConfig } from "@/lib/db/connection-config";
import { inTransaction } from "@/lib/db/transaction";
import { openLiveStream } from "@/lib/live/event-stream";
import { getLiveHub, stopLiveHub } from "@/lib/live/events-response";
import { LiveHub, type LiveMessage, STREAMS_PER_USER } from "@/lib/live/live-hub";
import { VARIANCE_CHANNEL, type VarianceChange } from "@/lib/live/variance-change";
import { reportDateBound } from "@/lib/report-date/report-date-bound";
import { varianceFingerprint } from "@/lib/rollups/variance-fingerprint";
import { addVarianceNote } from "@/lib/variances/commands/add-variance-note";
import { lockVariances } from "@/lib/variances/commands/lock-variances";
import { resolution, resolveVariance } from "@/lib/variances/commands/resolve-variance";
import { applyTriageCommand } from "@/lib/variances/commands/triage-pipeline";
import type { VarianceId } from "@/lib/variances/variance-key";
import { demoDatabaseFixture } from "../helpers/demo-fixture";
import { loadEntryPoint, session } from "../helpers/entry-points";
import { StreamReader } from "../helpers/event-stream";
import { DEMO_END_DATE } from "../helpers/test-database";
import { variancesOn } from "../helpers/variance-fixtures";

vi.mock("@/lib/auth/auth", async () => (await import("../helpers/entry-points")).authModuleMock);
vi.mock("@/lib/db/prisma", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getPrisma: (await import("../helpers/entry-points")).currentDatabase,
}));

const ROUTE = "app/api/variances/events/route.ts#GET";
const note = "Checked with the client: a spare.";

describe("live updates: NOTIFY in the command's transaction, fanned out as Server-Sent Events", () => {
  const fixture = demoDatabaseFixture();
  let unused: VarianceId[];
  let listener: pg.Client;
  const heard: VarianceChange[] = [];
  const fresh = () => unused.shift()!;
  const get = async (headers: Record<string, string> = {}) =>
    (await loadEntryPoint(ROUTE))(
      new Request("http://localhost/api/variances/events", { headers }),
    ) as Promise<Response>;
  const heardOf = async (variance: VarianceId) => {
    await expect.poll(() => heard.filter((change) => change.key === variance.key).length).toBeGreaterThan(0);
    return heard.filter((change) => change.key === variance.key);
  };

  beforeAll(async () => {
    unused = await variancesOn(fixture.database.pool, DEMO_END_DATE);
    // The hub LISTENs as the app does: on DATABASE_URL (the app role's under TEST_AS_APP_ROLE).
    process.env.DATABASE_URL = fixture.database.url;
    session.db = fixture.db;
    listener = new pg.Client(connectionConfig(fixture.database.url));
    await listener.connect();
    listener.on("notification", (message) => heard.push(JSON.parse(message.payload!) as VarianceChange));
    await listener.query(`LISTEN ${VARIANCE_CHANNEL}`);
  });
  afterAll(async () => {
    stopLiveHub();
    await listener?.end();
  });

  it("a committed command notifies every listener with the variance, its new version, the actor and the audit id", async () => {
    const variance = fresh();
    const { technician } = fixture.actors;
    await resolveVariance(fixture.db, technician, { ...variance, expectedVersion: 0, note });
    const [change] = await heardOf(variance);
    const audit = await fixture.db.audit_events.findFirst({
      where: { subject_id: `${variance.type}/${variance.key}` },
      orderBy: { id: "desc" },
    });
    expect(change).toEqual({
      id: audit!.id.toString(),
      type: variance.type,
      key: variance.key,
      action: "variance.resolve",
      version: 1,
      actorId: technician.id,
      actorName: technician.name,
      at: expect.any(String),
    });
    // A note does not bump the version; it is a change colleagues see all the same.
    await addVarianceNote(fixture.db, technician, { ...variance, text: note });
    await expect
      .poll(() => heard.filter((c) => c.key === variance.key).map((c) => c.action))
      .toEqual(["variance.resolve", "variance.note"]);
    expect(heard.at(-1)?.version).toBeNull();
  });

  it("a rolled-back command notifies nobody", async () => {
    const rolledBack = fresh();
    const committed = fresh();
    const bound = await reportDateBound(fixture.db);
    await expect(
      inTransaction(fixture.db, async (tx) => {
        const [locked] = await lockVariances(tx, [rolledBack], bound);
        await applyTriageCommand(tx, fixture.actors.technician, locked!, resolution(note));
        throw new Error("something later in the command failed");
      }),
    ).rejects.toThrow("something later");
    // Notifications arrive in commit order: once a later commit's is here, the rolled-back one never will be.
    await resolveVariance(fixture.db, fixture.actors.technician, { ...committed, expectedVersion: 0, note });
    await heardOf(committed);
    expect(heard.filter((change) => change.key === rolledBack.key)).toEqual([]);
  });

  it("answers 401 signed out and 400 for a Last-Event-ID it never sent, opening no stream", async () => {
    session.userId = null;
    const signedOut = await get();
    expect(signedOut.status).toBe(401);
    expect(await signedOut.json()).toEqual({ error: expect.stringMatching(/sign in/i) });
    session.userId = fixture.actors.technician.id;
    for (const bad of ["abc", "-1", "1e3", "12 34", "9".repeat(40), "1;DROP TABLE audit_events"]) {
      const response = await get({ "Last-Event-ID": bad });
      expect({ bad, status: response.status }).toEqual({ bad, status: 400 });
      expect(response.headers.get("content-type")).toMatch(/json/);
    }
  });

  it("streams a colleague's change with the SSE headers, and replays the changes after a Last-Event-ID", async () => {
    session.userId = fixture.actors.manager.id;
    const response = await get();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(response.headers.get("cache-control")).toBe("no-cache, no-transform");
    expect(response.headers.get("x-accel-buffering")).toBe("no");
    const stream = new StreamReader(response.body);
    const ready = await stream.waitFor((message) => message.event === "ready");
    expect(stream.messages[0]).toEqual({ retry: 3000 });
    expect(ready?.id).toMatch(/^\d+$/);

    const first = fresh();
    const second = fresh();
    await resolveVariance(fixture.db, fixture.actors.technician, { ...first, expectedVersion: 0, note });
    const live = await stream.waitFor((message) => (message.data as VarianceChange)?.key === first.key);
    expect(live).toMatchObject({ event: "variance", data: { action: "variance.resolve", actorName: "Tess Tech" } });
    expect(live!.id).toBe((live!.data as VarianceChange).id);
    await stream.cancel();

    // Missed while disconnected: a reconnect from the last id gets it, and nothing before.
    await addVarianceNote(fixture.db, fixture.actors.otherTechnician, { ...second, text: note });
    const again = new StreamReader((await get({ "Last-Event-ID": live!.id! })).body);
    const replayed = await again.waitFor((message) => message.event === "variance");
    expect(replayed).toMatchObject({
      event: "variance",
      data: { type: second.type, key: second.key, action: "variance.note", actorName: "Theo Tech", version: null },
    });
    expect(again.messages.filter((message) => message.event === "variance")).toHaveLength(1);
    await again.cancel();
  });

  it(`refuses a person's stream past ${STREAMS_PER_USER} with 429, and frees the slot when one closes`, async () => {
    session.userId = fixture.actors.admin.id;
    const open = await Promise.all(Array.from({ length: STREAMS_PER_USER }, () => get()));
    expect(open.map((response) => response.status)).toEqual(Array(STREAMS_PER_USER).fill(200));
    const refused = await get();
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBeTruthy();
    // Someone else is not held back by it.
    session.userId = fixture.actors.otherTechnician.id;
    const other = await get();
    expect(other.status).toBe(200);
    await other.body?.cancel();
    await open[0]!.body!.cancel();
    session.userId = fixture.actors.admin.id;
    const reopened = await get();
    expect(reopened.status).toBe(200);
    await Promise.all([reopened, ...open.slice(1)].map((response) => response.body?.cancel()));
  });

  it("ends the stream of an account disabled while it is open, at the next heartbeat", async () => {
    const { otherTechnician } = fixture.actors;
    const aborted = new AbortController();
    const stream = await openLiveStream({
      hub: getLiveHub(),
      db: fixture.db,
      actor: otherTechnician,
      lastEventId: null,
      signal: aborted.signal,
      heartbeatMs: 100,
    });
    const reader = new StreamReader(stream);
    expect(await reader.waitFor((message) => message.comment === "heartbeat")).toBeTruthy();
    expect(reader.ended).toBe(false);
    await fixture.db.users.update({ where: { id: otherTechnician.id }, data: { disabled_at: new Date() } });
    try {
      expect(await reader.endsWithin(3_000)).toBe(true);
      expect(reader.messages.at(-1)).toMatchObject({ event: "end" });
    } finally {
      await fixture.db.users.update({ where: { id: otherTechnician.id }, data: { disabled_at: null } });
    }
  });

  it("tells open streams when a collector run changes the report, and not before", async () => {
    // Fingerprint on every read, as if the recheck interval had passed each time.
    process.env.VD_ROLLUP_RECHECK_MS = "0";
    const hub = new LiveHub({ connectionString: fixture.database.url, db: () => fixture.db, reportCheckMs: 100 });
    const messages: LiveMessage[] = [];
    const unsubscribe = await hub.subscribe((message) => messages.push(message));
    try {
      // The hub's first reading is its baseline: let it take one (a refresh takes about a second here).
      await varianceFingerprint(fixture.db);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(messages).toEqual([]);
      await fixture.database.pool.query(
        `INSERT INTO exceptions (date_found, type, hostname, details)
         SELECT date_found, type, hostname || '-rerun', details FROM exceptions WHERE date_found = $1 LIMIT 1`,
        [DEMO_END_DATE],
      );
      await expect.poll(() => messages, { timeout: 5_000 }).toContainEqual({ kind: "report" });
    } finally {
      unsubscribe();
      hub.shutdown();
      delete process.env.VD_ROLLUP_RECHECK_MS;
    }
  });

  it("ends every open stream when the process stops, so a graceful stop does not hang", async () => {
    session.userId = fixture.actors.technician.id;
    const reader = new StreamReader((await get()).body);
    await reader.waitFor((message) => message.event === "ready");
    stopLiveHub();
    expect(await reader.endsWithin(1_000)).toBe(true);
  });
});
