import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/access/roles";
import { addDays, todayUtc } from "@/lib/calendar-date";
import type { Database } from "@/lib/db/prisma";
import { assignVariance } from "@/lib/variances/commands/assign-variance";
import { bulkAssignVariances } from "@/lib/variances/commands/bulk-assign-variances";
import { bulkResolveVariances } from "@/lib/variances/commands/bulk-resolve-variances";
import { bulkSnoozeVariances } from "@/lib/variances/commands/bulk-snooze-variances";
import { resolveVariance } from "@/lib/variances/commands/resolve-variance";
import type { VarianceId } from "@/lib/variances/variance-key";
import { demoDatabaseFixture } from "../helpers/demo-fixture";
import { DEMO_END_DATE, type TestDatabase } from "../helpers/test-database";
import {
  changesMadeBy,
  expectRefusedUnchanged,
  roleless,
  rowIdsOf,
  type TriageActors,
  variancesOn,
} from "../helpers/variance-fixtures";

const REPORT = DEMO_END_DATE;

describe("bulk triage commands", () => {
  const fixture = demoDatabaseFixture();
  let database: TestDatabase;
  let db: Database;
  let actors: TriageActors;
  let unused: VarianceId[];
  let untouched: VarianceId[];
  const take = (count: number) => unused.splice(0, count);

  beforeAll(async () => {
    ({ database, db, actors } = fixture);
    unused = await variancesOn(database.pool, REPORT);
    untouched = unused.splice(-3);
  });

  const subjectsOf = (changes: Awaited<ReturnType<typeof changesMadeBy>>) =>
    (changes["variance_dashboard.audit_events"]?.added ?? []).map(
      (event) => `${event.action} ${event.subject_id} bulk=${(event.details as { bulk?: boolean }).bulk}`,
    );

  it("resolves 3 with one already resolved: 2 changed, 1 skipped with the reason, one audit event each", async () => {
    const [a, b, alreadyResolved] = take(3) as [VarianceId, VarianceId, VarianceId];
    await resolveVariance(db, actors.otherTechnician, { ...alreadyResolved, expectedVersion: 0, note: "earlier" });
    let result;
    const changes = await changesMadeBy(database.pool, async () => {
      result = await bulkResolveVariances(db, actors.technician, {
        variances: [a, b, alreadyResolved],
        note: "Licenses removed in bulk.",
      });
    });
    expect(result).toMatchObject({ changed: 2, skipped: [{ ...alreadyResolved, reason: "already resolved" }] });
    expect(subjectsOf(changes)).toEqual([
      `variance.resolve ${a.type}/${a.key} bulk=true`,
      `variance.resolve ${b.type}/${b.key} bulk=true`,
    ]);
    const resolvedRows = [...(await rowIdsOf(database.pool, a, REPORT)), ...(await rowIdsOf(database.pool, b, REPORT))];
    expect(Object.keys(changes.exceptions?.changed ?? {}).sort()).toEqual(resolvedRows.sort());
    for (const row of Object.values(changes.exceptions!.changed!))
      expect(row).toEqual({ resolved: true, resolved_date: REPORT, resolved_by: actors.technician.email });
    expect(changes["variance_dashboard.variance_triage"]?.added).toHaveLength(2);
    expect(changes["variance_dashboard.variance_triage"]?.changed).toBeUndefined();
  });

  it("reports unknown and repeated variances as skipped, so the counts add up", async () => {
    const [a] = take(1) as [VarianceId];
    const unknown = { type: "SPARE_MISMATCH", key: "no-such-host" };
    const result = await bulkResolveVariances(db, actors.admin, { variances: [a, unknown, a], note: "x" });
    expect(result).toMatchObject({
      changed: 1,
      skipped: [
        { ...a, reason: "listed twice" },
        { ...unknown, reason: "not found" },
      ],
    });
  });

  it("assigns, skipping those already assigned to that person", async () => {
    const [a, b] = take(2) as [VarianceId, VarianceId];
    const assignee = actors.otherTechnician;
    await assignVariance(db, actors.admin, { ...b, expectedVersion: 0, assigneeUserId: assignee.id });
    let result;
    const changes = await changesMadeBy(database.pool, async () => {
      result = await bulkAssignVariances(db, actors.technician, { variances: [a, b], assigneeUserId: assignee.id });
    });
    expect(result).toMatchObject({ changed: 1, skipped: [{ ...b, reason: `already assigned to ${assignee.name}` }] });
    expect(subjectsOf(changes)).toEqual([`variance.assign ${a.type}/${a.key} bulk=true`]);
    for (const id of await rowIdsOf(database.pool, a, REPORT))
      expect(changes.exceptions?.changed?.[id]).toEqual({ assigned_to: assignee.email });

    const unassigned = await bulkAssignVariances(db, actors.technician, { variances: [a, b], assigneeUserId: null });
    expect(unassigned).toMatchObject({ changed: 2, skipped: [] });

    const [neverTriaged] = take(1) as [VarianceId];
    const nothing = await changesMadeBy(database.pool, async () => {
      expect(
        await bulkAssignVariances(db, actors.technician, { variances: [neverTriaged], assigneeUserId: null }),
      ).toMatchObject({
        changed: 0,
        skipped: [{ ...neverTriaged, reason: "already unassigned" }],
      });
    });
    expect(nothing).toEqual({});
  });

  it("snoozes, skipping resolved ones", async () => {
    const [a, resolved] = take(2) as [VarianceId, VarianceId];
    await resolveVariance(db, actors.technician, { ...resolved, expectedVersion: 0, note: "fixed" });
    let result;
    const changes = await changesMadeBy(database.pool, async () => {
      result = await bulkSnoozeVariances(db, actors.admin, {
        variances: [a, resolved],
        days: 90,
        reason: "Waiting for the client's hardware refresh.",
      });
    });
    expect(result).toMatchObject({ changed: 1, skipped: [{ ...resolved, reason: "resolved" }] });
    expect(changes.exceptions).toBeUndefined();
    expect(changes["variance_dashboard.variance_triage"]?.added).toEqual([
      expect.objectContaining({
        ...{ variance_type: a.type, variance_key: a.key },
        snoozed_until: addDays(todayUtc(), 90),
        snoozed_by_user_id: actors.admin.id,
      }),
    ]);
  });

  it("takes a full batch of 1,000 in one transaction", async () => {
    // Every variance of the demo data, topped up with unknown ones to the cap.
    const { rows: real } = await database.pool.query<VarianceId>(
      `SELECT DISTINCT type, lower(split_part(split_part(hostname, '|', 1), '.', 1)) AS key FROM exceptions ORDER BY 1, 2 LIMIT 1000`,
    );
    const unknown = Array.from({ length: 1000 - real.length }, (_, index) => ({
      type: "SPARE_MISMATCH",
      key: `no-such-host-${index}`,
    }));
    const result = await bulkSnoozeVariances(db, actors.technician, {
      variances: [...real, ...unknown],
      days: 7,
      reason: "Quiet week.",
    });
    const skippedAs = (reason: string) => result.skipped.filter((skip) => skip.reason === reason).length;
    expect(skippedAs("not found")).toBe(unknown.length);
    expect(skippedAs("resolved")).toBeGreaterThan(0);
    expect(result.changed).toBe(real.length - skippedAs("resolved"));
    expect(result.changed + result.skipped.length).toBe(1000);
  });

  describe("refuses, changing nothing", () => {
    const bulkCommands: Record<string, (actor: Actor, input: Record<string, unknown>) => Promise<unknown>> = {
      "bulk resolve": (actor, input) => bulkResolveVariances(db, actor, { note: "x", ...input }),
      "bulk assign": (actor, input) =>
        bulkAssignVariances(db, actor, { assigneeUserId: actors.technician.id, ...input }),
      "bulk snooze": (actor, input) => bulkSnoozeVariances(db, actor, { days: 7, reason: "x", ...input }),
    };

    for (const [name, command] of Object.entries(bulkCommands)) {
      describe(name, () => {
        it("a manager, or an actor without a role", async () => {
          await expectRefusedUnchanged(
            database.pool,
            () => command(actors.manager, { variances: untouched }),
            "forbidden",
          );
          await expectRefusedUnchanged(
            database.pool,
            () => command(roleless(actors.admin), { variances: untouched }),
            "forbidden",
          );
        });

        it("more than 1,000 variances, stating the cap", async () => {
          const variances = Array.from({ length: 1001 }, (_, index) => ({
            type: "SPARE_MISMATCH",
            key: `host-${index}`,
          }));
          const error = await expectRefusedUnchanged(
            database.pool,
            () => command(actors.technician, { variances }),
            "invalid",
            /At most 1,000 variances .* 1,001 were selected/,
          );
          expect(error.fieldErrors).toHaveProperty("variances");
        });

        it("an empty, missing or malformed selection, and identity in the input", async () => {
          await expectRefusedUnchanged(
            database.pool,
            () => command(actors.technician, { variances: [] }),
            "invalid",
            /variances: Select at least one/,
          );
          await expectRefusedUnchanged(
            database.pool,
            () => command(actors.technician, {}),
            "invalid",
            /variances: This field is required/,
          );
          await expectRefusedUnchanged(
            database.pool,
            () => command(actors.technician, { variances: [{ type: "SPARE_MISMATCH" }] }),
            "invalid",
            /variances\.0\.key: This field is required/,
          );
          await expectRefusedUnchanged(
            database.pool,
            () => command(actors.technician, { variances: [{ ...untouched[0], hostname: "x" }] }),
            "invalid",
            /variances\.0\.hostname: This field is not accepted/,
          );
          await expectRefusedUnchanged(
            database.pool,
            () => command(actors.technician, { variances: untouched, resolvedBy: "x@y.z" }),
            "invalid",
            /resolvedBy: This field is not accepted/,
          );
        });
      });
    }

    it("bulk fields of the wrong kind", async () => {
      const variances = untouched;
      await expectRefusedUnchanged(
        database.pool,
        () => bulkResolveVariances(db, actors.technician, { variances, note: "" }),
        "invalid",
        /note: Write a resolution note/,
      );
      await expectRefusedUnchanged(
        database.pool,
        () => bulkResolveVariances(db, actors.technician, { variances, note: "x".repeat(5001) }),
        "invalid",
        /at most 5,000/,
      );
      await expectRefusedUnchanged(
        database.pool,
        () => bulkAssignVariances(db, actors.technician, { variances, assigneeUserId: actors.disabled.id }),
        "invalid",
        /active user/,
      );
      await expectRefusedUnchanged(
        database.pool,
        () => bulkSnoozeVariances(db, actors.technician, { variances, days: 365, reason: "x" }),
        "invalid",
        /days: Snooze for 7, 14, 30 or 90 days/,
      );
      await expectRefusedUnchanged(
        database.pool,
        () => bulkSnoozeVariances(db, actors.technician, { variances, days: 7, reason: "x".repeat(501) }),
        "invalid",
        /at most 500/,
      );
    });
  });
});
