import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/calendar-date";
import { createPrismaClient } from "@/lib/db/prisma";
import { getReportStatus } from "@/lib/report-date/report-status";
import { addVarianceNote } from "@/lib/variances/commands/add-variance-note";
import { assignVariance } from "@/lib/variances/commands/assign-variance";
import { resolveVariance } from "@/lib/variances/commands/resolve-variance";
import { snoozeVariance } from "@/lib/variances/commands/snooze-variance";
import { getQueue } from "@/lib/variances/queue";
import { parseQueueFilters } from "@/lib/variances/queue-filters";
import { reconcileWriteThrough } from "@/lib/variances/reconcile";
import type { VarianceId } from "@/lib/variances/variance-key";
import { collectorSimulation } from "../helpers/collector-simulation";
import { demoDatabaseFixture } from "../helpers/demo-fixture";
import { DEMO_END_DATE } from "../helpers/test-database";
import { variancesOn } from "../helpers/variance-fixtures";

const REPORT = DEMO_END_DATE;
const PREVIOUS = addDays(REPORT, -1);
const TODAY = addDays(REPORT, 1);

describe("collectors and checks rewriting data under the app", () => {
  const fixture = demoDatabaseFixture();
  const query = async <T = Record<string, unknown>>(text: string, values: unknown[] = []) =>
    (await fixture.database.pool.query(text, values)).rows as T[];
  const openQueue = () => getQueue(fixture.db, fixture.actors.manager, parseQueueFilters({}), TODAY);
  const triageOf = ({ type, key }: VarianceId) =>
    query<{ resolved: boolean; assigned: boolean; snoozed: boolean }>(
      `SELECT resolved_by_user_id IS NOT NULL AS resolved, assignee_user_id IS NOT NULL AS assigned, snoozed_until IS NOT NULL AS snoozed
       FROM variance_dashboard.variance_triage WHERE variance_type = $1 AND variance_key = $2`,
      [type, key],
    ).then((rows) => rows[0]);
  const writeThrough = ({ type, key }: VarianceId) =>
    query<{ resolved: boolean; assigned_to: string | null; notes: string[] | null }>(
      `SELECT bool_and(resolved) AS resolved, max(assigned_to) AS assigned_to, max(notes::text)::text[] AS notes FROM exceptions
       WHERE date_found = $1 AND type = $2 AND lower(split_part(split_part(hostname, '|', 1), '.', 1)) = $3`,
      [REPORT, type, key],
    ).then((rows) => rows[0]!);

  it("(a) the checks re-create the report's rows while technicians triage: nothing is lost, and reconcile writes it all back", async () => {
    const simulation = collectorSimulation(fixture.database.pool);
    const [resolved, assigned, noted, snoozed] = (await variancesOn(
      fixture.database.pool,
      REPORT,
      "SPARE_MISMATCH",
    )) as VarianceId[];
    const second = createPrismaClient(fixture.database.url);
    const { technician, otherTechnician } = fixture.actors;
    try {
      const results = await Promise.allSettled([
        resolveVariance(fixture.db, technician, { ...resolved!, expectedVersion: 0, note: "Removed ThreatLocker." }),
        simulation.rerunChecks(REPORT),
        assignVariance(second, otherTechnician, { ...assigned!, expectedVersion: 0, assigneeUserId: technician.id }),
        addVarianceNote(fixture.db, technician, { ...noted!, text: "Client says it is in a drawer." }),
        simulation.rerunChecks(REPORT),
        snoozeVariance(second, otherTechnician, {
          ...snoozed!,
          expectedVersion: 0,
          days: 14,
          reason: "Client on leave.",
        }),
      ]);
      expect(results.map((result) => result.status)).toEqual(Array(6).fill("fulfilled"));
    } finally {
      await second.$disconnect();
    }
    // The dashboard's own state is whole whatever the interleaving.
    expect(await triageOf(resolved!)).toEqual({ resolved: true, assigned: false, snoozed: false });
    expect(await triageOf(assigned!)).toEqual({ resolved: false, assigned: true, snoozed: false });
    expect(await triageOf(snoozed!)).toEqual({ resolved: false, assigned: false, snoozed: true });
    expect(
      await query("SELECT body FROM variance_dashboard.variance_notes WHERE variance_key = $1", [noted!.key]),
    ).toEqual([{ body: "Client says it is in a drawer." }]);

    // The write-through may have landed on rows the checks then deleted; reconcile puts it back.
    await reconcileWriteThrough(fixture.db);
    expect((await writeThrough(resolved!)).resolved).toBe(true);
    expect((await writeThrough(assigned!)).assigned_to).toBe(technician.email);
    expect((await writeThrough(noted!)).notes?.join("\n")).toContain("Client says it is in a drawer.");
  });

  it("(b) a collector re-running Ninja's newest date: the report stays on the last matching date meanwhile, with no flood of MISSING_NINJA", async () => {
    const simulation = collectorSimulation(fixture.database.pool);
    const before = await openQueue();
    expect(before.reportDate).toBe(REPORT);
    const missingBefore = before.typeCounts.find((count) => count.type === "MISSING_NINJA")?.count ?? 0;

    const putBack = await simulation.deleteVendorDate("Ninja", REPORT);
    // Meanwhile the checks run on the half-collected date and find every ThreatLocker device missing in Ninja.
    await query(
      `INSERT INTO exceptions (date_found, type, hostname, details)
       SELECT $1, 'MISSING_NINJA', s.hostname, '{}'::jsonb FROM device_snapshot s JOIN vendor v ON v.id = s.vendor_id
       WHERE v.name = 'ThreatLocker' AND s.snapshot_date = $1`,
      [REPORT],
    );
    const status = await getReportStatus(fixture.db, TODAY);
    expect(status.latestMatchingDate).toBe(PREVIOUS);
    expect(status.vendors.find((vendor) => vendor.vendor === "Ninja")).toMatchObject({ missingOnNewestDate: true });
    const during = await openQueue();
    expect(during.reportDate).toBe(PREVIOUS);
    const missingDuring = during.typeCounts.find((count) => count.type === "MISSING_NINJA")?.count ?? 0;
    const threatLockerDevices = (
      await query<{ n: number }>(
        "SELECT count(*)::int AS n FROM device_snapshot s JOIN vendor v ON v.id = s.vendor_id WHERE v.name = 'ThreatLocker' AND s.snapshot_date = $1",
        [REPORT],
      )
    )[0]!.n;
    expect(missingDuring).toBeLessThan(threatLockerDevices / 10);

    await putBack();
    await simulation.rerunChecks(REPORT);
    await query("DELETE FROM exceptions WHERE date_found = $1 AND type = 'MISSING_NINJA' AND details = '{}'::jsonb", [
      REPORT,
    ]);
    const after = await openQueue();
    expect(after.reportDate).toBe(REPORT);
    expect(after.typeCounts.find((count) => count.type === "MISSING_NINJA")?.count ?? 0).toBe(missingBefore);
  });

  it("(c) a failed ThreatLocker collection (0 rows): the banner says so, triage survives, and the write-through returns after the re-run", async () => {
    const simulation = collectorSimulation(fixture.database.pool);
    const [variance] = (await variancesOn(fixture.database.pool, REPORT, "SPARE_MISMATCH")).slice(5) as VarianceId[];
    await resolveVariance(fixture.db, fixture.actors.technician, {
      ...variance!,
      expectedVersion: 0,
      note: "Licence removed.",
    });

    const putBack = await simulation.deleteVendorDate("ThreatLocker", REPORT);
    const status = await getReportStatus(fixture.db, TODAY);
    expect(status.latestMatchingDate).toBe(PREVIOUS);
    expect(status.vendors.find((vendor) => vendor.vendor === "ThreatLocker")).toMatchObject({
      missingOnNewestDate: true,
    });
    expect((await openQueue()).reportDate).toBe(PREVIOUS);

    await putBack();
    await simulation.rerunChecks(REPORT);
    expect((await writeThrough(variance!)).resolved).toBe(false);
    await reconcileWriteThrough(fixture.db);
    expect((await writeThrough(variance!)).resolved).toBe(true);
    expect(await triageOf(variance!)).toMatchObject({ resolved: true });
    expect((await getReportStatus(fixture.db, TODAY)).latestMatchingDate).toBe(REPORT);
  });
});
