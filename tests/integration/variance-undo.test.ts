import type pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, todayUtc } from "@/lib/calendar-date";
import type { Database } from "@/lib/db/prisma";
import { addVarianceNote } from "@/lib/variances/commands/add-variance-note";
import { assignVariance } from "@/lib/variances/commands/assign-variance";
import { bulkReopenVariances } from "@/lib/variances/commands/bulk-reopen-variances";
import { bulkResolveVariances } from "@/lib/variances/commands/bulk-resolve-variances";
import { bulkSnoozeVariances } from "@/lib/variances/commands/bulk-snooze-variances";
import { bulkUnassignVariances } from "@/lib/variances/commands/bulk-unassign-variances";
import { bulkUnsnoozeVariances } from "@/lib/variances/commands/bulk-unsnooze-variances";
import { reopenVariance } from "@/lib/variances/commands/reopen-variance";
import { resolveVariance } from "@/lib/variances/commands/resolve-variance";
import { snoozeVariance } from "@/lib/variances/commands/snooze-variance";
import { undoTriage } from "@/lib/variances/commands/undo-triage";
import { BULK_LIMIT } from "@/lib/variances/triage-limits";
import type { VarianceId } from "@/lib/variances/variance-key";
import { demoDatabaseFixture } from "../helpers/demo-fixture";
import { DEMO_END_DATE, type TestDatabase } from "../helpers/test-database";
import {
  changesMadeBy,
  expectRefusedUnchanged,
  roleless,
  type TriageActors,
  variancesOn,
} from "../helpers/variance-fixtures";

const REPORT = DEMO_END_DATE;

/** A variance's triage row and exception rows of the report, read with SQL independent of the commands. */
async function stateOf(pool: pg.Pool, { type, key }: VarianceId) {
  const triage = await pool.query(
    "SELECT * FROM variance_dashboard.variance_triage WHERE variance_type = $1 AND variance_key = $2",
    [type, key],
  );
  const exceptions = await pool.query(
    `SELECT id, resolved, resolved_date::text, resolved_by, assigned_to FROM exceptions e
     WHERE e.date_found = $1 AND e.type = $2 AND lower(split_part(split_part(e.hostname, '|', 1), '.', 1)) = $3 ORDER BY id`,
    [REPORT, type, key],
  );
  return { triage: triage.rows[0], exceptions: exceptions.rows };
}

/** The triage fields an undo restores: all but the version and who changed it last. */
const triageFields = ({ version, updated_at, updated_by_user_id, ...fields }: Record<string, unknown>) => fields;

describe("bulk reopen, unassign, unsnooze and undo", () => {
  const fixture = demoDatabaseFixture();
  let database: TestDatabase;
  let db: Database;
  let actors: TriageActors;
  let unused: VarianceId[];
  const take = (count: number) => {
    const taken = unused.splice(0, count);
    if (taken.length < count) throw new Error("the demo report ran out of variances");
    return taken;
  };

  beforeAll(async () => {
    ({ database, db, actors } = fixture);
    unused = await variancesOn(database.pool, REPORT);
  });

  it("bulk reopens the resolved ones, clearing the resolution upstream; the open one is skipped", async () => {
    const [a, b, open] = take(3) as [VarianceId, VarianceId, VarianceId];
    await bulkResolveVariances(db, actors.otherTechnician, { variances: [a, b], note: "fixed" });
    const result = await bulkReopenVariances(db, actors.technician, { variances: [a, b, open] });
    expect(result).toMatchObject({ changed: 2, skipped: [{ ...open, reason: "not resolved" }] });
    expect(result.auditEventIds).toHaveLength(2);
    for (const variance of [a, b]) {
      const { triage, exceptions } = await stateOf(database.pool, variance);
      expect(triage).toMatchObject({ version: 2, resolved_report_date: null, resolved_by_user_id: null });
      for (const row of exceptions)
        expect(row).toMatchObject({ resolved: false, resolved_date: null, resolved_by: null });
    }
  });

  it("bulk unassigns the assigned ones, writing through; the unassigned one is skipped", async () => {
    const [a, unassigned] = take(2) as [VarianceId, VarianceId];
    await assignVariance(db, actors.admin, { ...a, expectedVersion: 0, assigneeUserId: actors.otherTechnician.id });
    const result = await bulkUnassignVariances(db, actors.technician, { variances: [a, unassigned] });
    expect(result).toMatchObject({ changed: 1, skipped: [{ ...unassigned, reason: "already unassigned" }] });
    const { triage, exceptions } = await stateOf(database.pool, a);
    expect(triage.assignee_user_id).toBeNull();
    for (const row of exceptions) expect(row.assigned_to).toBeNull();
  });

  it("bulk unsnoozes the snoozed ones; a variance never snoozed is skipped", async () => {
    const [a, never] = take(2) as [VarianceId, VarianceId];
    await snoozeVariance(db, actors.admin, { ...a, expectedVersion: 0, days: 7, reason: "later" });
    let result;
    const changes = await changesMadeBy(database.pool, async () => {
      result = await bulkUnsnoozeVariances(db, actors.technician, { variances: [a, never] });
    });
    expect(result).toMatchObject({ changed: 1, skipped: [{ ...never, reason: "not snoozed" }] });
    expect(changes.exceptions).toBeUndefined();
    expect(changes["variance_dashboard.audit_events"]?.added).toEqual([
      expect.objectContaining({ action: "variance.unsnooze", subject_id: `${a.type}/${a.key}` }),
    ]);
    expect((await stateOf(database.pool, a)).triage).toMatchObject({
      snoozed_until: null,
      snooze_reason: null,
      snoozed_by_user_id: null,
    });
  });

  it("resolve → undo restores the exact prior triage fields and exception rows, audited both ways", async () => {
    const [variance] = take(1) as [VarianceId];
    const { actor, colleague } = { actor: actors.technician, colleague: actors.otherTechnician };
    await assignVariance(db, actor, { ...variance, expectedVersion: 0, assigneeUserId: colleague.id });
    await snoozeVariance(db, actor, { ...variance, expectedVersion: 1, days: 30, reason: "Waiting on the client." });
    const prior = await stateOf(database.pool, variance);
    const resolved = await resolveVariance(db, actor, { ...variance, expectedVersion: 2, note: "Licence removed." });
    expect(resolved.triage.snoozedUntil).toBeNull();

    let result;
    const changes = await changesMadeBy(database.pool, async () => {
      result = await undoTriage(db, actor, { eventIds: [resolved.auditEventId] });
    });
    expect(result).toEqual({ changed: 1, skipped: [], auditEventIds: [expect.any(String)] });
    const now = await stateOf(database.pool, variance);
    expect(triageFields(now.triage)).toEqual(triageFields(prior.triage));
    expect(prior.triage).toMatchObject({ assignee_user_id: colleague.id, snooze_reason: "Waiting on the client." });
    // The version moves on: 3 for the resolve, 4 for its undo.
    expect(now.triage).toMatchObject({ version: 4, updated_by_user_id: actor.id });
    expect(now.exceptions).toEqual(prior.exceptions);

    const events = await db.audit_events.findMany({
      where: { subject_id: `${variance.type}/${variance.key}` },
      orderBy: { id: "asc" },
      select: { id: true, action: true, details: true },
    });
    expect(events.map((event) => event.action)).toEqual([
      "variance.assign",
      "variance.snooze",
      "variance.resolve",
      "variance.undo",
    ]);
    expect(changes["variance_dashboard.audit_events"]?.added).toEqual([
      expect.objectContaining({
        action: "variance.undo",
        actor_user_id: actor.id,
        details: expect.objectContaining({
          undoes: resolved.auditEventId,
          undoneAction: "variance.resolve",
          before: expect.objectContaining({ version: 3, resolvedReportDate: REPORT }),
          after: expect.objectContaining({
            version: 4,
            resolvedReportDate: null,
            assigneeUserId: colleague.id,
            snoozeReason: "Waiting on the client.",
          }),
        }),
      }),
    ]);
  });

  it("a change made on the state before an undone change stays stale after the undo", async () => {
    const [variance] = take(1) as [VarianceId];
    const resolved = await resolveVariance(db, actors.technician, { ...variance, expectedVersion: 0, note: "x" });
    await undoTriage(db, actors.technician, { eventIds: [resolved.auditEventId] });
    // A dialog opened at version 0 before the resolve: had the undo put version 0 back, this would pass.
    await expectRefusedUnchanged(
      database.pool,
      () => assignVariance(db, actors.otherTechnician, { ...variance, expectedVersion: 0, assigneeUserId: null }),
      "stale",
      /Changed by Tess Tech/,
    );
  });

  it("assign → undo puts the previous assignee back upstream too", async () => {
    const [variance] = take(1) as [VarianceId];
    await assignVariance(db, actors.admin, { ...variance, expectedVersion: 0, assigneeUserId: actors.admin.id });
    const reassigned = await assignVariance(db, actors.technician, {
      ...variance,
      expectedVersion: 1,
      assigneeUserId: actors.technician.id,
    });
    await undoTriage(db, actors.technician, { eventIds: [reassigned.auditEventId] });
    const { triage, exceptions } = await stateOf(database.pool, variance);
    expect(triage.assignee_user_id).toBe(actors.admin.id);
    expect(exceptions.length).toBeGreaterThan(0);
    for (const row of exceptions) expect(row.assigned_to).toBe(actors.admin.email);
  });

  it("reopen → undo restores the resolution, with its original resolver, upstream too", async () => {
    const [variance] = take(1) as [VarianceId];
    await resolveVariance(db, actors.otherTechnician, { ...variance, expectedVersion: 0, note: "done" });
    const prior = await stateOf(database.pool, variance);
    const reopened = await reopenVariance(db, actors.technician, { ...variance, expectedVersion: 1 });
    await undoTriage(db, actors.technician, { eventIds: [reopened.auditEventId] });
    const now = await stateOf(database.pool, variance);
    expect(triageFields(now.triage)).toEqual(triageFields(prior.triage));
    expect(now.exceptions).toEqual(prior.exceptions);
    for (const row of now.exceptions) expect(row.resolved_by).toBe(actors.otherTechnician.email);
  });

  it("bulk resolve 3 → undo reopens all 3", async () => {
    const three = take(3);
    const resolved = await bulkResolveVariances(db, actors.technician, { variances: three, note: "bulk" });
    expect(resolved.auditEventIds).toHaveLength(3);
    const undone = await undoTriage(db, actors.technician, { eventIds: resolved.auditEventIds });
    expect(undone).toMatchObject({ changed: 3, skipped: [] });
    for (const variance of three) {
      const { triage, exceptions } = await stateOf(database.pool, variance);
      expect(triage).toMatchObject({
        version: 2,
        resolved_at: null,
        resolved_report_date: null,
        resolution_note: null,
      });
      for (const row of exceptions) expect(row).toMatchObject({ resolved: false, resolved_by: null });
    }
  });

  it("bulk snooze → undo: each variance's own earlier snooze comes back", async () => {
    const [a, b] = take(2) as [VarianceId, VarianceId];
    await snoozeVariance(db, actors.technician, { ...a, expectedVersion: 0, days: 7, reason: "first" });
    const snoozed = await bulkSnoozeVariances(db, actors.technician, { variances: [a, b], days: 90, reason: "long" });
    await undoTriage(db, actors.technician, { eventIds: snoozed.auditEventIds });
    expect((await stateOf(database.pool, a)).triage).toMatchObject({
      snooze_reason: "first",
      snoozed_until: new Date(`${addDays(todayUtc(), 7)}T00:00:00Z`),
    });
    expect((await stateOf(database.pool, b)).triage).toMatchObject({ snooze_reason: null, snoozed_until: null });
  });

  it("skips a variance a colleague changed since, naming them, and undoes the rest", async () => {
    const [a, b] = take(2) as [VarianceId, VarianceId];
    const resolved = await bulkResolveVariances(db, actors.technician, { variances: [a, b], note: "bulk" });
    await assignVariance(db, actors.otherTechnician, {
      ...b,
      expectedVersion: 1,
      assigneeUserId: actors.otherTechnician.id,
    });
    const before = await stateOf(database.pool, b);
    const undone = await undoTriage(db, actors.technician, { eventIds: resolved.auditEventIds });
    expect(undone).toMatchObject({ changed: 1, skipped: [{ ...b, reason: "changed by Theo Tech since" }] });
    expect(await stateOf(database.pool, b)).toEqual(before);
    expect((await stateOf(database.pool, a)).triage.resolved_report_date).toBeNull();
  });

  it("a note does not block the undo: notes never bump the version", async () => {
    const [variance] = take(1) as [VarianceId];
    const resolved = await resolveVariance(db, actors.technician, { ...variance, expectedVersion: 0, note: "x" });
    await addVarianceNote(db, actors.otherTechnician, { ...variance, text: "Checked." });
    expect(await undoTriage(db, actors.technician, { eventIds: [resolved.auditEventId] })).toMatchObject({
      changed: 1,
    });
  });

  it("undoing twice changes nothing the second time: the undo moved the version on", async () => {
    const [variance] = take(1) as [VarianceId];
    const resolved = await resolveVariance(db, actors.technician, { ...variance, expectedVersion: 0, note: "x" });
    await undoTriage(db, actors.technician, { eventIds: [resolved.auditEventId] });
    const again = await undoTriage(db, actors.technician, { eventIds: [resolved.auditEventId] });
    expect(again).toMatchObject({ changed: 0, skipped: [{ ...variance, reason: "changed by Tess Tech since" }] });
  });

  it("a concurrent colleague's change and an undo never both win on the same version", async () => {
    const [variance] = take(1) as [VarianceId];
    const resolved = await resolveVariance(db, actors.technician, { ...variance, expectedVersion: 0, note: "x" });
    const [undo, assign] = await Promise.allSettled([
      undoTriage(db, actors.technician, { eventIds: [resolved.auditEventId] }),
      assignVariance(db, actors.otherTechnician, { ...variance, expectedVersion: 1, assigneeUserId: null }),
    ]);
    const undid = undo.status === "fulfilled" && undo.value.changed === 1;
    const assigned = assign.status === "fulfilled";
    // Exactly one of the two acted on version 1; the other saw the change and stood back.
    expect(undid !== assigned).toBe(true);
    expect((await stateOf(database.pool, variance)).triage.version).toBe(2);
  });

  describe("who may undo", () => {
    it("refuses a technician undoing a colleague's change; an admin may", async () => {
      const [variance] = take(1) as [VarianceId];
      const resolved = await resolveVariance(db, actors.otherTechnician, {
        ...variance,
        expectedVersion: 0,
        note: "x",
      });
      await expectRefusedUnchanged(
        database.pool,
        () => undoTriage(db, actors.technician, { eventIds: [resolved.auditEventId] }),
        "forbidden",
        /only your own changes/,
      );
      expect(await undoTriage(db, actors.admin, { eventIds: [resolved.auditEventId] })).toMatchObject({ changed: 1 });
    });

    it("refuses a manager and a session without a role", async () => {
      const [variance] = take(1) as [VarianceId];
      const resolved = await resolveVariance(db, actors.technician, { ...variance, expectedVersion: 0, note: "x" });
      const input = { eventIds: [resolved.auditEventId] };
      await expectRefusedUnchanged(database.pool, () => undoTriage(db, actors.manager, input), "forbidden");
      await expectRefusedUnchanged(
        database.pool,
        () => undoTriage(db, roleless(actors.technician), input),
        "forbidden",
      );
    });
  });

  describe("refuses input naming anything but triage changes, changing nothing", () => {
    let ownResolve: string;
    beforeAll(async () => {
      const [variance] = take(1) as [VarianceId];
      ownResolve = (await resolveVariance(db, actors.technician, { ...variance, expectedVersion: 0, note: "x" }))
        .auditEventId;
    });

    const refused = (input: unknown, message: RegExp) =>
      expectRefusedUnchanged(database.pool, () => undoTriage(db, actors.admin, input), "invalid", message);

    it("ids that are not ids, none, or too many", async () => {
      await refused({ eventIds: ["abc"] }, /Not an event id/);
      await refused({ eventIds: ["-1"] }, /Not an event id/);
      await refused({ eventIds: ["99999999999999999999"] }, /Not an event id/);
      await refused({ eventIds: [1] }, /as text/);
      await refused({ eventIds: [] }, /at least one/);
      await refused({ eventIds: ownResolve }, /as a list/);
      await refused({}, /required/);
      await refused({ eventIds: [ownResolve], before: {} }, /not accepted/);
      await refused({ eventIds: Array.from({ length: BULK_LIMIT + 1 }, () => ownResolve) }, /At most 1,000/);
    });

    it("an id no event has, alone or with a good one", async () => {
      await refused({ eventIds: ["999999999"] }, /No change has the id 999999999/);
      await refused({ eventIds: [ownResolve, "999999999"] }, /No change has the id 999999999/);
    });

    it("events of other actions: a note, an undo, a sign-in", async () => {
      const [variance] = take(1) as [VarianceId];
      await addVarianceNote(db, actors.admin, { ...variance, text: "note" });
      const note = await db.audit_events.findFirstOrThrow({ where: { action: "variance.note" }, select: { id: true } });
      await refused({ eventIds: [note.id.toString()] }, /variance\.note\) is not a triage change/);
      const resolved = await resolveVariance(db, actors.admin, { ...variance, expectedVersion: 0, note: "x" });
      const undo = await undoTriage(db, actors.admin, { eventIds: [resolved.auditEventId] });
      await refused({ eventIds: undo.auditEventIds }, /variance\.undo\) is not a triage change/);
      const other = await db.audit_events.findFirstOrThrow({
        where: { subject_type: { not: "variance" } },
        select: { id: true, action: true },
      });
      await refused({ eventIds: [ownResolve, other.id.toString()] }, /is not a triage change/);
    });
  });
});
