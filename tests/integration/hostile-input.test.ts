import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { stopLiveHub } from "@/lib/live/events-response";
import { STREAMS_PER_USER } from "@/lib/live/live-hub";
import { demoDatabaseFixture } from "../helpers/demo-fixture";
import { entryPointsInCode, loadEntryPoint, outcomeOf, routeRequest, session } from "../helpers/entry-points";
import { databaseChecksum, variancesOn } from "../helpers/variance-fixtures";

vi.mock("@/lib/auth/auth", async () => (await import("../helpers/entry-points")).authModuleMock);
vi.mock("@/lib/db/prisma", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getPrisma: (await import("../helpers/entry-points")).currentDatabase,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

// Entry points whose input is not the app's to parse: Auth.js's own endpoints, and sign-in
// and sign-out, which hand over to Auth.js (covered by the sign-in tests).
const NOT_OURS = /api\/auth\/|login\/actions\.ts|session-actions\.ts#signOutAction$/;

// Every field name a command accepts, so that generated objects reach the field checks.
const FIELDS = [
  "type",
  "key",
  "expectedVersion",
  "note",
  "text",
  "assigneeUserId",
  "days",
  "reason",
  "variances",
  "name",
  "query",
  "id",
  "email",
  "role",
  "signInMethod",
  "userId",
  "disabled",
  "eventIds",
];

const MEGABYTE = "x".repeat(1024 * 1024);
const hostileScalar = fc.oneof(
  fc.constantFrom(
    MEGABYTE,
    "\u0000\u0001\u0007\u001b[31m\r\n",
    "\uD800 lone high surrogate",
    "\uDC00 lone low surrogate",
    "'; DROP TABLE exceptions; --",
    '" OR 1=1 --',
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "2026-02-30",
    "SPARE_MISMATCH\u0000",
    "OWNER",
    "not-a-uuid",
    "00000000-0000-0000-0000-000000000000",
    "__proto__",
    -1,
    -0,
    2 ** 53 + 1,
    Number.MAX_VALUE,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    10n ** 30n,
    true,
    null,
  ),
  fc.string({ unit: "binary" }),
  fc.integer(),
  fc.double(),
);
const hostileValue = fc.oneof(
  hostileScalar,
  fc.array(hostileScalar, { maxLength: 5 }),
  fc.constant(Array.from({ length: 100_000 }, () => ({ type: "SPARE_MISMATCH", key: "x" }))),
  fc.anything(),
);
const hostileInput = fc.oneof(
  fc.anything(),
  fc.dictionary(fc.constantFrom(...FIELDS, "constructor", "extra"), hostileValue, { maxKeys: 6 }),
  fc.constant(Object.create(null)),
);

// A few queries per route handler: its parameters with hostile values.
const hostileQuery = fc
  .dictionary(
    fc.constantFrom(
      "date",
      "type",
      "status",
      "limit",
      "offset",
      "org",
      "q",
      "format",
      "page",
      "sort",
      "dir",
      "assignee",
      "minDays",
    ),
    fc.oneof(
      fc.string({ unit: "binary" }),
      fc.constantFrom(
        "2026-02-30",
        "-1",
        "1e309",
        "99999999999999999999",
        "../../etc/passwd",
        "'; DROP TABLE exceptions; --",
        MEGABYTE.slice(0, 20_000),
      ),
    ),
    { maxKeys: 4 },
  )
  .map((params) => `?${new URLSearchParams(params).toString()}`);

const RUNS = 25;

describe("hostile input to every server action and route handler", () => {
  const fixture = demoDatabaseFixture();
  const ours = entryPointsInCode().filter((name) => !NOT_OURS.test(name));
  // The live event stream LISTENs on DATABASE_URL, as the app does.
  beforeAll(() => {
    process.env.DATABASE_URL = fixture.database.url;
  });
  afterAll(stopLiveHub);

  it("the live event stream: forged Last-Event-IDs and thousands of reconnects answer 4xx and change nothing", async () => {
    session.db = fixture.db;
    session.userId = fixture.actors.technician.id;
    const events = await loadEntryPoint("app/api/variances/events/route.ts#GET");
    const get = (headers: Record<string, string> = {}) =>
      events(new Request("http://localhost/api/variances/events", { headers })) as Promise<Response>;
    const before = await databaseChecksum(fixture.database.pool);
    const forged = await fc.sample(
      fc.oneof(
        fc.string({ unit: "binary", minLength: 1 }),
        fc.constantFrom("-1", "1e3", "0x10", "9".repeat(19), "1 OR 1=1", "1;DROP TABLE audit_events"),
      ),
      1_000,
    );
    const statuses = new Set<number>();
    for (const id of forged) {
      // A header value cannot hold every character, and loses surrounding spaces: what arrives is what counts.
      let sent: string | null;
      try {
        sent = new Headers({ "Last-Event-ID": id }).get("Last-Event-ID");
      } catch {
        continue;
      }
      if (sent === null || /^\d{1,18}$/.test(sent)) continue;
      const response = await get({ "Last-Event-ID": sent });
      statuses.add(response.status);
      await response.body?.cancel();
    }
    expect([...statuses]).toEqual([400]);
    const open = await Promise.all(Array.from({ length: STREAMS_PER_USER }, () => get()));
    expect(open.map((response) => response.status)).toEqual(Array(STREAMS_PER_USER).fill(200));
    const refused = new Set<number>();
    for (let attempt = 0; attempt < 1_000; attempt++) {
      const response = await get({ "Last-Event-ID": String(attempt) });
      refused.add(response.status);
      await response.body?.cancel();
    }
    expect([...refused]).toEqual([429]);
    await Promise.all(open.map((response) => response.body?.cancel()));
    expect(await databaseChecksum(fixture.database.pool)).toBe(before);
  });

  it("covers the actions and routes found in the code", () => {
    expect(ours.length).toBeGreaterThan(20);
  });

  for (const name of ours) {
    it(`${name}: a typed answer, never a crash, and a refusal changes nothing`, async () => {
      session.db = fixture.db;
      // An admin may call everything, so input checks — not permissions — decide.
      session.userId = fixture.actors.admin.id;
      const handler = await loadEntryPoint(name);
      const isRoute = name.includes("/route.ts#");
      // The database as the previous run left it: one checksum per run, not two.
      let before = await databaseChecksum(fixture.database.pool);
      await fc.assert(
        fc.asyncProperty(isRoute ? hostileQuery : hostileInput, async (input) => {
          const outcome = await outcomeOf(isRoute ? handler(routeRequest(name, input as string)) : handler(input));
          // Expected refusals are typed; "unexpected" (a 500 in disguise) or an HTTP 5xx is a failure.
          expect(outcome).toMatch(/^(ok|refused|invalid: .*|not_found: .*|conflict: .*|stale: .*|HTTP 400)$/s);
          const after = await databaseChecksum(fixture.database.pool);
          if (outcome !== "ok") expect(after).toBe(before);
          before = after;
        }),
        { numRuns: RUNS },
      );
    });
  }
});

describe("hostile input to undo: changes it may not name", () => {
  const fixture = demoDatabaseFixture();
  const UNDO = "app/(dashboard)/variances/actions.ts#undoTriageAction";

  it("refuses, changing nothing: bad ids, too many, other actions' events, a colleague's change", async () => {
    const { db, actors, database } = fixture;
    const { resolveVariance } = await import("@/lib/variances/commands/resolve-variance");
    const { addVarianceNote } = await import("@/lib/variances/commands/add-variance-note");
    const { undoTriage } = await import("@/lib/variances/commands/undo-triage");
    const [mine, theirs, noted, undone] = await variancesOn(database.pool, "2026-11-24");
    const resolve = async (actor: typeof actors.technician, variance: typeof mine) =>
      (await resolveVariance(db, actor, { ...variance!, expectedVersion: 0, note: "x" })).auditEventId;
    const own = await resolve(actors.technician, mine);
    const colleagues = await resolve(actors.otherTechnician, theirs);
    await addVarianceNote(db, actors.technician, { ...noted!, text: "a note" });
    const eventOf = async (action: string) =>
      (await db.audit_events.findFirstOrThrow({ where: { action }, select: { id: true } })).id.toString();
    const undoEvent = (
      await undoTriage(db, actors.technician, { eventIds: [await resolve(actors.technician, undone)] })
    ).auditEventIds[0]!;

    session.db = db;
    session.userId = actors.technician.id;
    const handler = await loadEntryPoint(UNDO);
    const cases: [unknown, RegExp][] = [
      [{ eventIds: ["1 OR 1=1"] }, /^invalid: .*Not an event id/],
      [{ eventIds: ["0"] }, /^invalid: .*Not an event id/],
      [{ eventIds: ["9223372036854775808"] }, /^invalid: .*Not an event id/],
      [{ eventIds: [own, { id: own }] }, /^invalid: .*as text/],
      [{ eventIds: Array.from({ length: 100_000 }, () => own) }, /^invalid: .*At most 1,000/],
      [{ eventIds: [own, "123456789012"] }, /^invalid: .*No change has the id 123456789012/],
      [{ eventIds: [own, await eventOf("variance.note")] }, /^invalid: .*variance\.note\) is not a triage change/],
      [{ eventIds: [undoEvent] }, /^invalid: .*variance\.undo\) is not a triage change/],
      [{ eventIds: [own, await eventOf("user.create")] }, /^invalid: .*is not a triage change/],
      [{ eventIds: [own, colleagues] }, /^refused$/],
      [{ eventIds: [own], before: { version: 0 } }, /^invalid: .*not accepted/],
    ];
    for (const [input, expected] of cases) {
      const before = await databaseChecksum(database.pool);
      expect(await outcomeOf(handler(input))).toMatch(expected);
      expect(await databaseChecksum(database.pool)).toBe(before);
    }
  });
});

describe("hostile rows in the database", () => {
  const fixture = demoDatabaseFixture();
  const REPORT = "2026-11-24";
  const odd = [
    { type: "MYSTERY_TYPE", hostname: "odd-host-1", details: { something: [1, 2, { deeper: null }] } },
    { type: "SPARE_MISMATCH", hostname: "odd-host-2", details: "just a string" },
    { type: "SPARE_MISMATCH", hostname: "odd-host-3", details: { ninja_billing_status: 42, tl_org: ["not", "text"] } },
    { type: "DISPLAY_NAME_MISMATCH", hostname: "odd-host-4 | <script>alert(1)</script>", details: null },
  ];

  it("shows unknown types and malformed details in the queue and on the variance page without crashing", async () => {
    for (const row of odd) {
      await fixture.database.pool.query(
        "INSERT INTO exceptions (date_found, type, hostname, details) VALUES ($1, $2, $3, $4)",
        [REPORT, row.type, row.hostname, JSON.stringify(row.details)],
      );
    }
    const { getQueue } = await import("@/lib/variances/queue");
    const { getVarianceDetail } = await import("@/lib/variances/variance-detail");
    const { parseQueueFilters } = await import("@/lib/variances/queue-filters");
    const queue = await getQueue(
      fixture.db,
      fixture.actors.manager,
      parseQueueFilters({ q: "odd-host", status: "all" }),
      REPORT,
    );
    expect(queue.items.map((item) => item.key).sort()).toEqual([
      "odd-host-1",
      "odd-host-2",
      "odd-host-3",
      "odd-host-4 ",
    ]); // keys are not trimmed, as upstream
    for (const item of queue.items) {
      const detail = await getVarianceDetail(
        fixture.db,
        fixture.actors.manager,
        { type: item.type, key: item.key },
        REPORT,
      );
      expect(detail?.view.key).toBe(item.key);
    }
  });
});
