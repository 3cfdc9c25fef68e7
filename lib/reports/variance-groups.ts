import type { ReportDate } from "@/lib/calendar-date";
import type { Database } from "@/lib/db/prisma";
import { refreshVarianceHistory, refreshVarianceRollup } from "@/lib/rollups/variance-rollup";
import { deriveLifecycle, type LifecycleInput } from "@/lib/variances/lifecycle";

/**
 * Variances present on a report, counted in SQL per combination of the triage state the
 * lifecycle reads. Nobody has touched most variances, so a date collapses to a few groups
 * per type however large the fleet; lib/variances/lifecycle.ts then decides per group
 * whether it is open, so "open" means exactly what the queue shows.
 */
interface TriageInputs {
  resolvedReportDate: ReportDate | null;
  snoozedUntil: ReportDate | null;
}

export interface DatedVarianceGroup extends TriageInputs {
  date: ReportDate;
  type: string;
  variances: number;
}

export interface ReportVarianceGroup extends TriageInputs {
  type: string;
  firstSeen: ReportDate;
  assigneeId: string | null;
  variances: number;
}

/** Open on `reportDate` by the lifecycle's rules; every group here is present on that report. */
export function isOpenOn(group: TriageInputs, reportDate: ReportDate, today: ReportDate): boolean {
  const input: LifecycleInput = {
    reportDate,
    presentOnReport: true,
    resolvedReportDate: group.resolvedReportDate,
    snoozedUntil: group.snoozedUntil,
    today,
  };
  return deriveLifecycle(input).status === "open";
}

/**
 * Per date from `from` to `to`, per type and triage state: the variances present. Read from
 * the variance rollups (refreshed first), which hold no triage state: the few triaged
 * variances are looked up in the presence rollup and taken out of their date's untriaged
 * count, in one statement so both rollups are read from the same snapshot.
 */
export async function datedVarianceGroups(
  db: Database,
  from: ReportDate,
  to: ReportDate,
): Promise<DatedVarianceGroup[]> {
  await refreshVarianceRollup(db, from, to);
  const rows = await db.$queryRaw<
    {
      date: string;
      type: string;
      resolved_report_date: string | null;
      snoozed_until: string | null;
      variances: number;
    }[]
  >`
    WITH triaged AS (
      SELECT p.date_found, p.variance_type, t.resolved_report_date, t.snoozed_until, count(*)::int AS variances
      FROM variance_dashboard.variance_triage t
      JOIN variance_dashboard.variance_presence_rollup p ON p.variance_type = t.variance_type AND p.variance_key = t.variance_key
      WHERE p.date_found BETWEEN ${from}::date AND ${to}::date
      GROUP BY 1, 2, 3, 4
    )
    SELECT date_found::text AS date, variance_type AS type, resolved_report_date::text, snoozed_until::text, variances FROM triaged
    UNION ALL
    SELECT c.date_found::text, c.variance_type, NULL, NULL,
           c.variances - coalesce((SELECT sum(tr.variances) FROM triaged tr WHERE tr.date_found = c.date_found AND tr.variance_type = c.variance_type), 0)::int
    FROM variance_dashboard.variance_count_rollup c
    WHERE c.date_found BETWEEN ${from}::date AND ${to}::date`;
  // A triage row with neither a resolution nor a snooze falls in the same group as the untriaged.
  const groups = new Map<string, DatedVarianceGroup>();
  for (const row of rows) {
    const group = {
      date: row.date,
      type: row.type,
      resolvedReportDate: row.resolved_report_date,
      snoozedUntil: row.snoozed_until,
      variances: 0,
    };
    const id = JSON.stringify([group.date, group.type, group.resolvedReportDate, group.snoozedUntil]);
    const found = groups.get(id) ?? group;
    found.variances += row.variances;
    groups.set(id, found);
  }
  return [...groups.values()].filter((group) => group.variances > 0);
}

/**
 * The variances present on one report, per type, first-seen date, assignee and triage state:
 * from the presence rollup (refreshed first), each variance's first date one index probe.
 */
export async function reportVarianceGroups(db: Database, reportDate: ReportDate): Promise<ReportVarianceGroup[]> {
  await refreshVarianceHistory(db, reportDate);
  const rows = await db.$queryRaw<
    {
      type: string;
      first_seen: string;
      assignee_id: string | null;
      resolved_report_date: string | null;
      snoozed_until: string | null;
      variances: number;
    }[]
  >`
    WITH first_seen AS (
      SELECT p.variance_type AS type, p.variance_key AS key,
             (SELECT min(f.date_found) FROM variance_dashboard.variance_presence_rollup f
              WHERE f.variance_type = p.variance_type AND f.variance_key = p.variance_key) AS first_seen
      FROM variance_dashboard.variance_presence_rollup p
      WHERE p.date_found = ${reportDate}::date
    )
    SELECT f.type, f.first_seen::text, t.assignee_user_id::text AS assignee_id, t.resolved_report_date::text, t.snoozed_until::text,
           count(*)::int AS variances
    FROM first_seen f
    LEFT JOIN variance_dashboard.variance_triage t ON t.variance_type = f.type AND t.variance_key = f.key
    GROUP BY 1, 2, 3, 4, 5`;
  return rows.map((row) => ({
    type: row.type,
    firstSeen: row.first_seen,
    assigneeId: row.assignee_id,
    resolvedReportDate: row.resolved_report_date,
    snoozedUntil: row.snoozed_until,
    variances: row.variances,
  }));
}
