import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/access/permissions";
import { addDays, todayUtc } from "@/lib/calendar-date";
import { createPrismaClient, type Database } from "@/lib/db/prisma";
import { getDataHealth } from "@/lib/health/data-health";
import { getOverviewHeadline, type HeadlineFigures } from "@/lib/reports/overview-headline";
import { getOverviewTrends } from "@/lib/reports/overview-trends";
import { getTeamReport } from "@/lib/reports/team-report";
import { getVarianceAgeing } from "@/lib/reports/variance-ageing";
import { assignVariance } from "@/lib/variances/commands/assign-variance";
import { resolveVariance } from "@/lib/variances/commands/resolve-variance";
import { snoozeVariance } from "@/lib/variances/commands/snooze-variance";
import { getQueue } from "@/lib/variances/queue";
import { parseQueueFilters } from "@/lib/variances/queue-filters";
import type { VarianceId } from "@/lib/variances/variance-key";
import { DEVICES_PER_VENDOR_SQL, NINJA_BILLING_SQL } from "../helpers/device-count-sql";
import { createDemoDatabase, DEMO_END_DATE, type TestDatabase } from "../helpers/test-database";
import { createTriageActors, type TriageActors, variancesOn } from "../helpers/variance-fixtures";

/**
 * Every figure of the overview and team pages, recomputed here with SQL written
 * independently of lib/reports (including the lifecycle's "open" rule) and compared.
 */
const REPORT = DEMO_END_DATE;
const KEY = "lower(split_part(split_part(e.hostname, '|', 1), '.', 1))";

describe("overview and team figures on the demo database", () => {
  let database: TestDatabase;
  let db: Database;
  let actors: TriageActors;
  const today = todayUtc();
  const rows = async <T>(text: string, values: unknown[] = []) => (await database.pool.query(text, values)).rows as T[];
  const one = async <T>(text: string, values: unknown[] = []) => (await rows<T>(text, values))[0]!;

  /** Dates with rows from both vendors (the demo's failed days each lose a whole vendor). */
  const bothVendorDates = () =>
    rows<{ date: string }>(`
      SELECT s.snapshot_date::text AS date FROM device_snapshot s JOIN vendor v ON v.id = s.vendor_id
      WHERE v.name IN ('Ninja', 'ThreatLocker') GROUP BY 1 HAVING count(DISTINCT v.name) = 2 ORDER BY 1`).then(
      (found) => found.map((row) => row.date),
    );

  /** Open on report $1 as the lifecycle defines it, in SQL: present, not resolved on that very report, not snoozed. */
  const OPEN_ON = `
    WITH present AS (SELECT DISTINCT e.type, ${KEY} AS key FROM exceptions e WHERE e.date_found = $1::date)
    SELECT p.type, p.key, t.assignee_user_id::text AS assignee
    FROM present p LEFT JOIN variance_dashboard.variance_triage t ON t.variance_type = p.type AND t.variance_key = p.key
    WHERE (t.resolved_report_date IS NULL OR t.resolved_report_date <> $1::date)
      AND (t.snoozed_until IS NULL OR t.snoozed_until <= $2::date)`;

  /** Resolutions on reports in ($1 - $3, $1] that a later report has not contradicted. */
  const RESOLVED_BY = `
    SELECT t.variance_type, t.variance_key, t.resolved_by_user_id::text AS resolver, t.resolved_report_date,
           (t.resolved_report_date - (SELECT min(e.date_found) FROM exceptions e
                                      WHERE e.type = t.variance_type AND ${KEY} = t.variance_key))::float AS days
    FROM variance_dashboard.variance_triage t
    WHERE t.resolved_report_date > $1::date - $2::int AND t.resolved_report_date <= $1::date
      AND NOT (t.resolved_report_date < $1::date AND EXISTS (
        SELECT 1 FROM exceptions e WHERE e.date_found = $1::date AND e.type = t.variance_type AND ${KEY} = t.variance_key))`;

  async function figuresBySql(date: string, previous: string): Promise<HeadlineFigures> {
    const devices = await rows<{ name: string; n: number }>(DEVICES_PER_VENDOR_SQL, [date]);
    const billing = await rows<{ code: string; n: number }>(NINJA_BILLING_SQL, [date]);
    const open = await rows<{ type: string }>(OPEN_ON, [date, today]);
    const appeared = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT DISTINCT e.type, ${KEY} AS key FROM exceptions e WHERE e.date_found = $1) now
       WHERE NOT EXISTS (SELECT 1 FROM exceptions e WHERE e.date_found = $2 AND e.type = now.type AND ${KEY} = now.key)`,
      [date, previous],
    );
    const resolved7 = await rows(RESOLVED_BY, [date, 7]);
    const [median] = await rows<{ median: number | null }>(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median FROM (${RESOLVED_BY}) r`,
      [date, 30],
    );
    const count = (list: { name?: string; code?: string; n: number }[], name: string) =>
      list.find((row) => (row.name ?? row.code) === name)?.n ?? 0;
    return {
      ninjaDevices: count(devices, "Ninja"),
      threatlockerDevices: count(devices, "ThreatLocker"),
      billableDevices: count(billing, "billable"),
      spareDevices: count(billing, "spare"),
      openVariances: open.length,
      newVariances: appeared.n,
      resolvedLast7Days: resolved7.length,
      medianDaysToResolve: median?.median ?? null,
      // Variances, as the queue counts them: a spare listed twice is one license.
      licenseWaste: open.filter((row) => row.type === "SPARE_MISMATCH").length,
    };
  }

  const resolved: VarianceId[] = [];
  const assigned: VarianceId[] = [];

  beforeAll(async () => {
    database = await createDemoDatabase();
    db = createPrismaClient(database.url);
    actors = await createTriageActors(db);
    const { technician, otherTechnician } = actors;
    // Triage activity through the real commands: resolutions on the latest report, one on a
    // variance last seen two weeks earlier (so it lands in the 30-day figures only), assignments, a snooze.
    const current = await variancesOn(database.pool, REPORT);
    const cleared = await rows<VarianceId>(
      `SELECT e.type, ${KEY} AS key FROM exceptions e GROUP BY 1, 2
       HAVING max(e.date_found) = $1::date - 14 ORDER BY 1, 2 LIMIT 1`,
      [REPORT],
    );
    expect(cleared).toHaveLength(1);
    const [a, b, c, d, e, f, g] = [
      current[0]!,
      current[3]!,
      current[6]!,
      current[9]!,
      current[12]!,
      current[15]!,
      current[18]!,
    ];
    for (const variance of [a, b, c])
      await resolveVariance(db, technician, { ...variance, expectedVersion: 0, note: "Removed the license" });
    await resolveVariance(db, otherTechnician, { ...d, expectedVersion: 0, note: "Fixed the name" });
    await resolveVariance(db, otherTechnician, { ...cleared[0]!, expectedVersion: 0, note: "Retired" });
    await assignVariance(db, technician, { ...e, expectedVersion: 0, assigneeUserId: technician.id });
    await assignVariance(db, technician, { ...f, expectedVersion: 0, assigneeUserId: otherTechnician.id });
    await snoozeVariance(db, technician, { ...g, expectedVersion: 0, days: 7, reason: "Waiting for the client" });
    resolved.push(a, b, c, d, cleared[0]!);
    assigned.push(e, f);
  });
  afterAll(async () => {
    await db.$disconnect();
    await database.drop();
  });

  it("headline cards equal SQL on the latest report and on the report a week earlier", async () => {
    const dates = await bothVendorDates();
    const comparison = dates.filter((date) => date <= addDays(REPORT, -7)).at(-1)!;
    const previousOf = (date: string) => dates.filter((candidate) => candidate < date).at(-1)!;
    const headline = await getOverviewHeadline(db, actors.manager, REPORT, today);
    expect(headline.reportDate).toBe(REPORT);
    expect(headline.previousReportDate).toBe(previousOf(REPORT));
    expect(headline.current).toEqual(await figuresBySql(REPORT, previousOf(REPORT)));
    expect(headline.comparison).toEqual({
      reportDate: comparison,
      figures: await figuresBySql(comparison, previousOf(comparison)),
    });
    // The triage activity shows up, so the comparison is not trivially zero against zero.
    expect(headline.current.resolvedLast7Days).toBe(4);
    expect(headline.current.medianDaysToResolve).not.toBeNull();
    expect(headline.current.licenseWaste).toBeGreaterThan(0);
    expect(headline.current.spareDevices).toBeGreaterThan(0);
  });

  it("counts open variances exactly as the queue does", async () => {
    const headline = await getOverviewHeadline(db, actors.manager, REPORT, today);
    const queue = await getQueue(db, actors.manager, parseQueueFilters({}), today);
    expect(queue.reportDate).toBe(REPORT);
    expect(headline.current.openVariances).toBe(queue.total);
  });

  it("trends equal SQL per date, with failed collections as gaps and marked", async () => {
    const trends = await getOverviewTrends(db, actors.manager, REPORT, 90, today);
    expect(trends.devices).toHaveLength(90);
    expect(trends.devices[0]!.date).toBe(addDays(REPORT, -89));
    const counts = await rows<{ date: string; name: string; n: number }>(
      `SELECT s.snapshot_date::text AS date, v.name, count(*)::int AS n FROM device_snapshot s JOIN vendor v ON v.id = s.vendor_id
       WHERE s.snapshot_date > $1::date - 90 AND s.snapshot_date <= $1::date AND v.name IN ('Ninja', 'ThreatLocker') GROUP BY 1, 2`,
      [REPORT],
    );
    const dates = new Set(await bothVendorDates());
    // In the demo each failed collection leaves its vendor with no rows while the other has some.
    const failedBySql = [...new Set(counts.map((row) => row.date))].filter((date) => !dates.has(date)).sort();
    expect(failedBySql.length).toBeGreaterThanOrEqual(2);
    expect(trends.failures.map((failure) => failure.date)).toEqual(failedBySql);
    for (const failure of trends.failures) {
      expect(failure.kind).toBe("missing");
      expect(counts.some((row) => row.date === failure.date && row.name === failure.vendor)).toBe(false);
    }
    for (const point of trends.devices) {
      const expected = Object.fromEntries(
        counts.filter((row) => row.date === point.date).map((row) => [row.name, row.n]),
      );
      expect(point).toEqual({ date: point.date, ...expected });
    }

    const open = await rows<{ date: string; type: string; n: number }>(
      `SELECT d::date::text AS date, o.type, count(*)::int AS n
       FROM generate_series($1::date - 89, $1::date, '1 day') d
       CROSS JOIN LATERAL (
         SELECT DISTINCT e.type, ${KEY} AS key FROM exceptions e WHERE e.date_found = d::date
       ) o
       LEFT JOIN variance_dashboard.variance_triage t ON t.variance_type = o.type AND t.variance_key = o.key
       WHERE (t.resolved_report_date IS NULL OR t.resolved_report_date <> d::date)
         AND (t.snoozed_until IS NULL OR t.snoozed_until <= $2::date)
       GROUP BY 1, 2`,
      [REPORT, today],
    );
    for (const point of trends.variances) {
      if (!dates.has(point.date)) {
        expect(point.open).toBeNull();
        continue;
      }
      const expected = Object.fromEntries(
        trends.varianceTypes.map((type) => [
          type,
          open.find((row) => row.date === point.date && row.type === type)?.n ?? 0,
        ]),
      );
      expect(point.open).toEqual(expected);
    }
    expect(new Set(open.filter((row) => dates.has(row.date)).map((row) => row.type))).toEqual(
      new Set(trends.varianceTypes),
    );
  });

  it("a 365-day window reaches back a year, with dates before the data as gaps", async () => {
    const trends = await getOverviewTrends(db, actors.manager, REPORT, 365, today);
    expect(trends.devices).toHaveLength(365);
    const { first } = await one<{ first: string }>(`SELECT min(snapshot_date)::text AS first FROM device_snapshot`);
    for (const point of trends.devices.filter((candidate) => candidate.date < first))
      expect(point).toEqual({ date: point.date });
  });

  it("ageing of open variances equals SQL by type and band", async () => {
    const ageing = await getVarianceAgeing(db, actors.manager, REPORT, today);
    const expected = await rows<{ type: string; band: number; n: number }>(
      `WITH open AS (${OPEN_ON})
       SELECT o.type, CASE WHEN age <= 1 THEN 0 WHEN age <= 7 THEN 1 WHEN age <= 30 THEN 2 ELSE 3 END AS band, count(*)::int AS n
       FROM open o CROSS JOIN LATERAL (
         SELECT $1::date - min(e.date_found) AS age FROM exceptions e WHERE e.type = o.type AND ${KEY} = o.key
       ) first
       GROUP BY 1, 2`,
      [REPORT, today],
    );
    const types = [...new Set(expected.map((row) => row.type))];
    expect(ageing.rows.map((row) => row.type).sort()).toEqual(types.sort());
    for (const row of ageing.rows) {
      expect(row.bands).toEqual(
        [0, 1, 2, 3].map(
          (band) => expected.find((candidate) => candidate.type === row.type && candidate.band === band)?.n ?? 0,
        ),
      );
    }
    expect(ageing.totals.reduce((sum, n) => sum + n, 0)).toBe((await rows(OPEN_ON, [REPORT, today])).length);
    // The demo has variances in more than one band, so the banding is exercised.
    expect(ageing.totals.filter((n) => n > 0).length).toBeGreaterThan(1);
  });

  it("team figures equal SQL per technician, and unassigned open variances per type", async () => {
    const team = await getTeamReport(db, actors.manager, REPORT, today);
    const open = await rows<{ type: string; assignee: string | null }>(OPEN_ON, [REPORT, today]);
    const resolved30 = await rows<{ resolver: string; resolved_report_date: Date; days: number }>(RESOLVED_BY, [
      REPORT,
      30,
    ]);
    const resolved7 = await rows<{ resolver: string }>(RESOLVED_BY, [REPORT, 7]);
    const medians = await rows<{ resolver: string; median: number }>(
      `SELECT resolver, percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median FROM (${RESOLVED_BY}) r GROUP BY 1`,
      [REPORT, 30],
    );
    const { technician, otherTechnician, disabled } = actors;
    for (const person of [technician, otherTechnician]) {
      expect(team.technicians.find((row) => row.userId === person.id)).toEqual({
        userId: person.id,
        name: person.name,
        role: "technician",
        disabled: false,
        openAssigned: open.filter((row) => row.assignee === person.id).length,
        resolvedLast7Days: resolved7.filter((row) => row.resolver === person.id).length,
        resolvedLast30Days: resolved30.filter((row) => row.resolver === person.id).length,
        medianDaysToResolve: medians.find((row) => row.resolver === person.id)?.median ?? null,
      });
    }
    expect(team.technicians.find((row) => row.userId === technician.id)).toMatchObject({
      openAssigned: 1,
      resolvedLast7Days: 3,
    });
    expect(team.technicians.find((row) => row.userId === otherTechnician.id)).toMatchObject({
      openAssigned: 1,
      resolvedLast7Days: 1,
      resolvedLast30Days: 2,
    });
    // A disabled account with no work is not listed.
    expect(team.technicians.some((row) => row.userId === disabled.id)).toBe(false);
    const unassigned = new Map<string, number>();
    for (const row of open.filter((candidate) => candidate.assignee === null))
      unassigned.set(row.type, (unassigned.get(row.type) ?? 0) + 1);
    expect(Object.fromEntries(team.unassigned.map((row) => [row.type, row.open]))).toEqual(
      Object.fromEntries(unassigned),
    );
  });

  it("the team page is for managers and admins only", async () => {
    await expect(getTeamReport(db, actors.technician, REPORT, today)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getTeamReport(db, actors.admin, REPORT, today)).resolves.toMatchObject({ reportDate: REPORT });
  });

  it("the banner's collector runs are the newest run of each job, as job_runs has them", async () => {
    const health = await getDataHealth(db, actors.technician, REPORT);
    const expected = await rows<{
      job_name: string;
      status: string;
      duration_seconds: number | null;
      message: string | null;
    }>(
      `SELECT DISTINCT ON (job_name) job_name, status, duration_seconds, coalesce(error, message) AS message FROM job_runs ORDER BY job_name, started_at DESC`,
    );
    expect(health.collectorRuns.map((run) => [run.jobName, run.status, run.durationSeconds])).toEqual(
      expected.map((row) => [row.job_name, row.status, row.duration_seconds]),
    );
    expect(health.status.latestMatchingDate).toBe(REPORT);
  });

  it("shows a failed run's message", async () => {
    await database.pool.query(
      `INSERT INTO job_runs (job_id, job_name, status, started_at, updated_at, ended_at, message, duration_seconds)
       VALUES ('test-failure', 'threatlocker-collector', 'failed', now(), now(), now(), 'ThreatLocker API returned 429', 12)`,
    );
    const health = await getDataHealth(db, actors.technician, REPORT);
    expect(health.collectorRuns.find((run) => run.jobName === "threatlocker-collector")).toMatchObject({
      status: "failed",
      durationSeconds: 12,
      failure: "ThreatLocker API returned 429",
    });
    expect(health.collectorRuns.find((run) => run.jobName === "ninja-collector")?.failure).toBeNull();
  });
});
