import { Prisma } from "@/lib/generated/prisma/client";
import type { Database } from "@/lib/db/prisma";
import type { ReportDate } from "@/lib/inventory/report-date";
import { type VarianceId } from "./variance-key";
import { VARIANCE_KEY_SQL } from "./variance-key-sql";

/** How long a variance that left the reports stays listed (as cleared, or verified). */
export const RECENTLY_SEEN_DAYS = 30;

/** One variance as the reports and the dashboard's triage tables know it, up to a report date. */
export interface VarianceRow extends VarianceId {
  hostname: string;
  details: unknown;
  firstSeen: ReportDate;
  lastSeen: ReportDate;
  /** Exception rows on the report date (duplicates happen). */
  rowsOnReport: number;
  version: number;
  assigneeId: string | null;
  assigneeName: string | null;
  resolvedReportDate: ReportDate | null;
  resolvedAt: Date | null;
  resolvedByName: string | null;
  resolutionNote: string | null;
  snoozedUntil: ReportDate | null;
  snoozeReason: string | null;
  noteCount: number;
}

/** A variance row as the SQL of varianceRowsSql returns it. */
export interface RawVarianceRow {
  type: string;
  key: string;
  hostname: string;
  details: unknown;
  first_seen: string;
  last_seen: string;
  rows_on_report: number;
  version: number | null;
  assignee_id: string | null;
  assignee_name: string | null;
  resolved_report_date: string | null;
  resolved_at: Date | null;
  resolved_by_name: string | null;
  resolution_note: string | null;
  snoozed_until: string | null;
  snooze_reason: string | null;
  note_count: number;
}

/** One variance (the variance page), or every variance of some hostname keys whatever their type (the device page). */
export type VarianceSelection = VarianceId | { keys: readonly string[] };

/**
 * Variances seen up to `reportDate`: those seen in the last RECENTLY_SEEN_DAYS plus every
 * variance someone triaged. `only` narrows it to the variances asked for by name.
 * The hostname and details shown are those of the variance's newest row.
 */
export async function loadVarianceRows(db: Database, reportDate: ReportDate, only?: VarianceSelection): Promise<VarianceRow[]> {
  const rows = await db.$queryRaw<RawVarianceRow[]>(varianceRowsSql(reportDate, only));
  return rows.map(toVarianceRow);
}

/** The query of loadVarianceRows, for a caller that reads its rows through a cursor (the export). */
export function varianceRowsSql(reportDate: ReportDate, only?: VarianceSelection): Prisma.Sql {
  const onlyFilter = !only
    ? Prisma.empty
    : "keys" in only
      ? Prisma.sql`AND ${VARIANCE_KEY_SQL} = ANY(${[...only.keys]}::text[])`
      : Prisma.sql`AND e.type = ${only.type} AND ${VARIANCE_KEY_SQL} = ${only.key}`;
  // A variance asked for by name is shown however long ago it was last seen.
  const listedFilter = only
    ? Prisma.sql`true`
    : Prisma.sql`v.last_seen >= ${reportDate}::date - ${RECENTLY_SEEN_DAYS}::int OR t.variance_type IS NOT NULL`;
  return Prisma.sql`
    WITH seen AS (
      SELECT e.id, e.type, ${VARIANCE_KEY_SQL} AS key, e.hostname, e.details, e.date_found
      FROM exceptions e
      WHERE e.date_found <= ${reportDate}::date ${onlyFilter}
    ),
    variances AS (
      SELECT type, key, min(date_found) AS first_seen, max(date_found) AS last_seen,
             count(*) FILTER (WHERE date_found = ${reportDate}::date)::int AS rows_on_report
      FROM seen GROUP BY type, key
    ),
    listed AS (
      SELECT v.* FROM variances v
      LEFT JOIN variance_dashboard.variance_triage t ON t.variance_type = v.type AND t.variance_key = v.key
      WHERE ${listedFilter}
    ),
    newest AS (
      SELECT DISTINCT ON (s.type, s.key) s.type, s.key, s.hostname, s.details
      FROM seen s JOIN listed l ON l.type = s.type AND l.key = s.key AND l.last_seen = s.date_found
      ORDER BY s.type, s.key, s.id
    ),
    note_counts AS (
      SELECT variance_type, variance_key, count(*)::int AS note_count
      FROM variance_dashboard.variance_notes GROUP BY variance_type, variance_key
    )
    SELECT l.type, l.key, n.hostname, n.details, l.first_seen::text, l.last_seen::text, l.rows_on_report,
           t.version, t.assignee_user_id AS assignee_id, assignee.name AS assignee_name,
           t.resolved_report_date::text, t.resolved_at, resolver.name AS resolved_by_name, t.resolution_note,
           t.snoozed_until::text, t.snooze_reason, coalesce(nc.note_count, 0) AS note_count
    FROM listed l
    JOIN newest n ON n.type = l.type AND n.key = l.key
    LEFT JOIN variance_dashboard.variance_triage t ON t.variance_type = l.type AND t.variance_key = l.key
    LEFT JOIN variance_dashboard.users assignee ON assignee.id = t.assignee_user_id
    LEFT JOIN variance_dashboard.users resolver ON resolver.id = t.resolved_by_user_id
    LEFT JOIN note_counts nc ON nc.variance_type = l.type AND nc.variance_key = l.key`;
}

export function toVarianceRow(row: RawVarianceRow): VarianceRow {
  return {
    type: row.type,
    key: row.key,
    hostname: row.hostname,
    details: row.details,
    firstSeen: row.first_seen,
    lastSeen: row.last_seen,
    rowsOnReport: row.rows_on_report,
    version: row.version ?? 0,
    assigneeId: row.assignee_id,
    assigneeName: row.assignee_name,
    resolvedReportDate: row.resolved_report_date,
    resolvedAt: row.resolved_at,
    resolvedByName: row.resolved_by_name,
    resolutionNote: row.resolution_note,
    snoozedUntil: row.snoozed_until,
    snoozeReason: row.snooze_reason,
    noteCount: row.note_count,
  };
}
