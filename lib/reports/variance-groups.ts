import type { Database } from "@/lib/db/prisma";
import type { ReportDate } from "@/lib/inventory/report-date";
import { deriveLifecycle, type LifecycleInput } from "@/lib/variances/lifecycle";
import { VARIANCE_KEY_SQL } from "@/lib/variances/variance-key-sql";

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
  const input: LifecycleInput = { reportDate, presentOnReport: true, resolvedReportDate: group.resolvedReportDate, snoozedUntil: group.snoozedUntil, today };
  return deriveLifecycle(input).status === "open";
}

/** Per date from `from` to `to`, per type and triage state: the variances present. */
export async function datedVarianceGroups(db: Database, from: ReportDate, to: ReportDate): Promise<DatedVarianceGroup[]> {
  const rows = await db.$queryRaw<{ date: string; type: string; resolved_report_date: string | null; snoozed_until: string | null; variances: number }[]>`
    WITH present AS (
      SELECT DISTINCT e.date_found, e.type, ${VARIANCE_KEY_SQL} AS key
      FROM exceptions e
      WHERE e.date_found BETWEEN ${from}::date AND ${to}::date
    )
    SELECT p.date_found::text AS date, p.type, t.resolved_report_date::text, t.snoozed_until::text, count(*)::int AS variances
    FROM present p
    LEFT JOIN variance_dashboard.variance_triage t ON t.variance_type = p.type AND t.variance_key = p.key
    GROUP BY 1, 2, 3, 4`;
  return rows.map((row) => ({ date: row.date, type: row.type, resolvedReportDate: row.resolved_report_date, snoozedUntil: row.snoozed_until, variances: row.variances }));
}

/** The variances present on one report, per type, first-seen date, assignee and triage state. */
export async function reportVarianceGroups(db: Database, reportDate: ReportDate): Promise<ReportVarianceGroup[]> {
  const rows = await db.$queryRaw<
    { type: string; first_seen: string; assignee_id: string | null; resolved_report_date: string | null; snoozed_until: string | null; variances: number }[]
  >`
    WITH present AS (
      SELECT DISTINCT e.type, ${VARIANCE_KEY_SQL} AS key FROM exceptions e WHERE e.date_found = ${reportDate}::date
    ),
    first_seen AS (
      SELECT p.type, p.key, min(e.date_found) AS first_seen
      FROM exceptions e JOIN present p ON p.type = e.type AND p.key = ${VARIANCE_KEY_SQL}
      WHERE e.date_found <= ${reportDate}::date
      GROUP BY 1, 2
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
