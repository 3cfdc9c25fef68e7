import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Database } from "@/lib/db/prisma";
import { addVarianceNote } from "@/lib/variances/commands/add-variance-note";
import { assignVariance } from "@/lib/variances/commands/assign-variance";
import { bulkResolveVariances } from "@/lib/variances/commands/bulk-resolve-variances";
import { resolveVariance } from "@/lib/variances/commands/resolve-variance";
import { snoozeVariance } from "@/lib/variances/commands/snooze-variance";
import type { VarianceId } from "@/lib/variances/variance-key";
import { createDemoDatabase, DEMO_END_DATE, type TestDatabase } from "../helpers/test-database";
import { createTriageActors, rowIdsOf, type TriageActors, variancesOn } from "../helpers/variance-fixtures";

/** Two technicians at two app instances: separate clients, separate connection pools. */
describe("triage commands at the same time", () => {
  let database: TestDatabase;
  let first: Database;
  let second: Database;
  let actors: TriageActors;
  let unused: VarianceId[];
  const fresh = () => unused.shift()!;

  beforeAll(async () => {
    database = await createDemoDatabase();
    first = createPrismaClient(database.url);
    second = createPrismaClient(database.url);
    actors = await createTriageActors(first);
    unused = await variancesOn(database.pool, DEMO_END_DATE);
  });
  afterAll(async () => {
    await Promise.all([first.$disconnect(), second.$disconnect()]);
    await database.drop();
  });

  const eventsFor = async ({ type, key }: VarianceId, action: string) =>
    (
      await database.pool.query(
        "SELECT actor_email FROM variance_dashboard.audit_events WHERE subject_id = $1 AND action = $2",
        [`${type}/${key}`, action],
      )
    ).rows;

  const bothAtOnce = <T>(a: () => Promise<T>, b: () => Promise<T>) => Promise.allSettled([a(), b()]);

  it("two technicians resolving one variance: exactly one wins, the other is told who", async () => {
    // Repeated, because which one wins (and whether they truly overlap) is up to timing.
    for (let round = 0; round < 5; round++) {
      const variance = fresh();
      const results = await bothAtOnce(
        () => resolveVariance(first, actors.technician, { ...variance, expectedVersion: 0, note: "mine" }),
        () => resolveVariance(second, actors.otherTechnician, { ...variance, expectedVersion: 0, note: "no, mine" }),
      );
      const won = results.findIndex((result) => result.status === "fulfilled");
      const lost = results.find((result) => result.status === "rejected");
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
      const winner = won === 0 ? actors.technician : actors.otherTechnician;
      expect(lost?.reason).toMatchObject({
        code: "stale",
        message: expect.stringContaining(`Changed by ${winner.name} at`),
      });

      expect(await eventsFor(variance, "variance.resolve")).toEqual([{ actor_email: winner.email }]);
      const { rows } = await database.pool.query(
        "SELECT version, resolved_by_user_id FROM variance_dashboard.variance_triage WHERE variance_type = $1 AND variance_key = $2",
        [variance.type, variance.key],
      );
      expect(rows).toEqual([{ version: 1, resolved_by_user_id: winner.id }]);
      const ids = await rowIdsOf(database.pool, variance, DEMO_END_DATE);
      const { rows: written } = await database.pool.query(
        "SELECT DISTINCT resolved_by FROM exceptions WHERE id = ANY($1::bigint[])",
        [ids],
      );
      expect(written).toEqual([{ resolved_by: winner.email }]);
    }
  });

  it("exactly one wins when both are certainly in flight together", async () => {
    const variance = fresh();
    // A third party holds the not-yet-existing triage row (an uncommitted insert), so both
    // commands start and block inside their transactions; then it lets go.
    const blocker = await database.pool.connect();
    try {
      await blocker.query("BEGIN");
      await blocker.query(
        "INSERT INTO variance_dashboard.variance_triage (variance_type, variance_key) VALUES ($1, $2)",
        [variance.type, variance.key],
      );
      const racing = bothAtOnce(
        () => resolveVariance(first, actors.technician, { ...variance, expectedVersion: 0, note: "mine" }),
        () => resolveVariance(second, actors.otherTechnician, { ...variance, expectedVersion: 0, note: "no, mine" }),
      );
      await expect
        .poll(
          async () =>
            (
              await database.pool.query(
                "SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()",
              )
            ).rows[0].n,
        )
        .toBe(2);
      await blocker.query("COMMIT");
      const results = await racing;
      expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
      expect(results.find((result) => result.status === "rejected")?.reason).toMatchObject({ code: "stale" });
      expect(await eventsFor(variance, "variance.resolve")).toHaveLength(1);
    } finally {
      blocker.release();
    }
  });

  it("also when the triage row already exists (both wait on its lock)", async () => {
    const variance = fresh();
    await assignVariance(first, actors.admin, { ...variance, expectedVersion: 0, assigneeUserId: actors.admin.id });
    const results = await bothAtOnce(
      () =>
        assignVariance(first, actors.technician, {
          ...variance,
          expectedVersion: 1,
          assigneeUserId: actors.technician.id,
        }),
      () =>
        assignVariance(second, actors.otherTechnician, {
          ...variance,
          expectedVersion: 1,
          assigneeUserId: actors.otherTechnician.id,
        }),
    );
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await eventsFor(variance, "variance.assign")).toHaveLength(2);
  });

  it("two notes at once both land, in the dashboard and on the exception rows", async () => {
    const variance = fresh();
    const results = await bothAtOnce(
      () => addVarianceNote(first, actors.technician, { ...variance, text: "first" }),
      () => addVarianceNote(second, actors.otherTechnician, { ...variance, text: "second" }),
    );
    expect(results.map((result) => result.status)).toEqual(["fulfilled", "fulfilled"]);
    const ids = await rowIdsOf(database.pool, variance, DEMO_END_DATE);
    const { rows } = await database.pool.query<{ notes: string[] }>(
      "SELECT notes FROM exceptions WHERE id = ANY($1::bigint[])",
      [ids],
    );
    for (const { notes } of rows) {
      expect(notes).toHaveLength(2);
      expect(notes.some((line) => line.endsWith(`${actors.technician.email}: first`))).toBe(true);
      expect(notes.some((line) => line.endsWith(`${actors.otherTechnician.email}: second`))).toBe(true);
    }
  });

  it("two bulk resolves over overlapping selections neither deadlock nor resolve twice", async () => {
    const selection = unused.splice(0, 6);
    const results = await bothAtOnce(
      () => bulkResolveVariances(first, actors.technician, { variances: selection.slice(0, 4), note: "batch A" }),
      () =>
        bulkResolveVariances(second, actors.otherTechnician, {
          variances: [...selection.slice(2)].reverse(),
          note: "batch B",
        }),
    );
    const [a, b] = results.map((result) => {
      if (result.status === "rejected") throw result.reason;
      return result.value;
    });
    expect(a!.changed + b!.changed).toBe(6);
    expect([...a!.skipped, ...b!.skipped].map((skip) => skip.reason)).toEqual(["already resolved", "already resolved"]);
    const { rows } = await database.pool.query(
      "SELECT count(*)::int AS n FROM variance_dashboard.audit_events WHERE action = 'variance.resolve' AND details->>'bulk' = 'true'",
    );
    expect(rows[0].n).toBe(6);
  });

  it("twenty mixed commands on one variance at once: one versioned change wins, every note lands, one audit event per accepted command", async () => {
    const variance = fresh();
    const clients = [first, second];
    const technicians = [actors.technician, actors.otherTechnician];
    const commands = Array.from({ length: 20 }, (_, index) => {
      const db = clients[index % 2]!;
      const actor = technicians[index % 2]!;
      switch (index % 4) {
        case 0:
          return {
            kind: "resolve",
            run: () => resolveVariance(db, actor, { ...variance, expectedVersion: 0, note: `resolution ${index}` }),
          };
        case 1:
          return {
            kind: "assign",
            run: () => assignVariance(db, actor, { ...variance, expectedVersion: 0, assigneeUserId: actor.id }),
          };
        case 2:
          return {
            kind: "snooze",
            run: () =>
              snoozeVariance(db, actor, { ...variance, expectedVersion: 0, days: 7, reason: `reason ${index}` }),
          };
        default:
          return { kind: "note", run: () => addVarianceNote(db, actor, { ...variance, text: `note ${index}` }) };
      }
    });
    const results = await Promise.allSettled(commands.map((command) => command.run()));
    const accepted = commands.filter((_, index) => results[index]!.status === "fulfilled");
    const refused = results.filter((result) => result.status === "rejected");

    // The versioned commands all claimed version 0: exactly one may win; notes need no version.
    expect(accepted.filter((command) => command.kind !== "note")).toHaveLength(1);
    expect(accepted.filter((command) => command.kind === "note")).toHaveLength(5);
    expect(refused.map((result) => (result as PromiseRejectedResult).reason.code)).toEqual(Array(14).fill("stale"));

    const subject = `${variance.type}/${variance.key}`;
    const { rows: events } = await database.pool.query(
      "SELECT action FROM variance_dashboard.audit_events WHERE subject_id = $1",
      [subject],
    );
    expect(events).toHaveLength(accepted.length);
    const { rows: notes } = await database.pool.query(
      "SELECT body FROM variance_dashboard.variance_notes WHERE variance_type = $1 AND variance_key = $2 ORDER BY body",
      [variance.type, variance.key],
    );
    expect(notes.map((note) => note.body)).toEqual(["note 11", "note 15", "note 19", "note 3", "note 7"]);

    // The final state is the winner's change, as if it had run alone (notes change no triage field).
    const winner = accepted.find((command) => command.kind !== "note")!;
    const { rows: triage } = await database.pool.query(
      "SELECT resolved_by_user_id IS NOT NULL AS resolved, assignee_user_id IS NOT NULL AS assigned, snoozed_until IS NOT NULL AS snoozed FROM variance_dashboard.variance_triage WHERE variance_type = $1 AND variance_key = $2",
      [variance.type, variance.key],
    );
    expect(triage[0]).toEqual({
      resolved: winner.kind === "resolve",
      assigned: winner.kind === "assign",
      snoozed: winner.kind === "snooze",
    });
  });

  it("a double-submitted resolve (two identical requests) resolves once", async () => {
    const variance = fresh();
    const same = { ...variance, expectedVersion: 0, note: "Removed ThreatLocker from the spare." };
    const results = await bothAtOnce(
      () => resolveVariance(first, actors.technician, same),
      () => resolveVariance(second, actors.technician, same),
    );
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await eventsFor(variance, "variance.resolve")).toHaveLength(1);
  });

  it("a bulk resolve racing single resolves: every variance resolved exactly once, counts consistent", async () => {
    const selection = unused.splice(0, 10);
    const singles = selection.slice(0, 5).map((variance, index) =>
      resolveVariance(index % 2 ? first : second, actors.otherTechnician, {
        ...variance,
        expectedVersion: 0,
        note: "single",
      }).then(
        () => true,
        () => false,
      ),
    );
    const [bulk, ...singleResults] = await Promise.all([
      bulkResolveVariances(first, actors.technician, { variances: selection, note: "bulk" }),
      ...singles,
    ]);
    const singlesWon = singleResults.filter(Boolean).length;
    expect(bulk.changed + singlesWon).toBe(10);
    expect(bulk.skipped).toHaveLength(10 - bulk.changed);
    const { rows } = await database.pool.query(
      "SELECT subject_id, count(*)::int AS n FROM variance_dashboard.audit_events WHERE action = 'variance.resolve' AND subject_id = ANY($1) GROUP BY subject_id",
      [selection.map((variance) => `${variance.type}/${variance.key}`)],
    );
    expect(rows).toHaveLength(10);
    expect(rows.every((row) => row.n === 1)).toBe(true);
  });
});
