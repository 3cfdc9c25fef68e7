import { addDays, daysBetween, type ReportDate } from "@/lib/calendar-date";
import type { Database } from "@/lib/db/prisma";
import { refreshVarianceHistory } from "@/lib/rollups/variance-rollup";
import { deriveLifecycle, isResolvedStatus } from "@/lib/variances/lifecycle";

/** How far back the time-to-resolve figures look, in days. */
export const TIME_TO_RESOLVE_DAYS = 30;
/** The "resolved lately" window, in days. */
export const RECENTLY_RESOLVED_DAYS = 7;

export interface Resolution {
  type: string;
  key: string;
  resolvedReportDate: ReportDate;
  resolvedById: string;
  /** Report dates from first seen to the resolution. */
  daysToResolve: number;
}

/**
 * Variances resolved on a report date in the `days` up to `reportDate` that still count as
 * resolved on it: a resolution a later report contradicts (regressed) is open again, not a fix.
 */
export async function resolutionsUpTo(
  db: Database,
  reportDate: ReportDate,
  days: number,
  today: ReportDate,
): Promise<Resolution[]> {
  // Each resolved variance's history is read from the presence rollup.
  await refreshVarianceHistory(db, reportDate);
  const rows = await db.$queryRaw<
    {
      type: string;
      key: string;
      resolved_report_date: string;
      resolved_by_id: string;
      snoozed_until: string | null;
      first_seen: string;
      present: boolean;
    }[]
  >`
    WITH resolved AS (
      SELECT variance_type AS type, variance_key AS key, resolved_report_date, resolved_by_user_id, snoozed_until
      FROM variance_dashboard.variance_triage
      WHERE resolved_report_date > ${addDays(reportDate, -days)}::date AND resolved_report_date <= ${reportDate}::date
    ),
    seen AS (
      SELECT r.type, r.key,
             (SELECT min(p.date_found) FROM variance_dashboard.variance_presence_rollup p
              WHERE p.variance_type = r.type AND p.variance_key = r.key AND p.date_found <= ${reportDate}::date) AS first_seen,
             EXISTS (SELECT 1 FROM variance_dashboard.variance_presence_rollup p
                     WHERE p.variance_type = r.type AND p.variance_key = r.key AND p.date_found = ${reportDate}::date) AS present
      FROM resolved r
    )
    SELECT r.type, r.key, r.resolved_report_date::text, r.resolved_by_user_id::text AS resolved_by_id, r.snoozed_until::text,
           coalesce(s.first_seen, r.resolved_report_date)::text AS first_seen, coalesce(s.present, false) AS present
    FROM resolved r LEFT JOIN seen s ON s.type = r.type AND s.key = r.key`;
  return rows
    .filter((row) =>
      isResolvedStatus(
        deriveLifecycle({
          reportDate,
          presentOnReport: row.present,
          resolvedReportDate: row.resolved_report_date,
          snoozedUntil: row.snoozed_until,
          today,
        }).status,
      ),
    )
    .map((row) => ({
      type: row.type,
      key: row.key,
      resolvedReportDate: row.resolved_report_date,
      resolvedById: row.resolved_by_id,
      daysToResolve: daysBetween(row.first_seen, row.resolved_report_date),
    }));
}

/** Resolutions made in the `days` up to `reportDate`. */
export const resolvedWithin = (resolutions: readonly Resolution[], reportDate: ReportDate, days: number) =>
  resolutions.filter((resolution) => resolution.resolvedReportDate > addDays(reportDate, -days));
