import type { ReportDate } from "@/lib/calendar-date";
import type { Database } from "@/lib/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";
import type { VarianceId } from "./variance-key";

/** How long a variance that left the reports stays listed (as cleared, or verified). */
export const RECENTLY_SEEN_DAYS = 30;

/** One variance as the reports and the dashboard's triage tables know it, up to a report date. */
export interface VarianceRow extends VarianceId {
  /** The exceptions row whose hostname and details are shown (upstream never edits a row's details). */
  rowId: string;
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
  row_id: string;
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

/**
 * One variance (the variance page), every variance of some hostname keys whatever their type
 * (the device page), or a list of variances (the export's second pass), each however long ago it was last seen.
 */
export type VarianceSelection =
  | VarianceId
  | { keys: readonly string[] }
  | { types: readonly string[]; keys: readonly string[] };

/**
 * Variances seen up to `reportDate`: those seen in the last RECENTLY_SEEN_DAYS plus every
 * variance someone triaged. `only` narrows it to the variances asked for by name.
 * The hostname and details shown are those of the variance's newest row. It reads the
 * presence rollup and only reads: the caller refreshes that first (refreshVarianceHistory).
 */
export async function loadVarianceRows(
  db: Database,
  reportDate: ReportDate,
  only?: VarianceSelection,
): Promise<VarianceRow[]> {
  const rows = await db.$queryRaw<RawVarianceRow[]>(varianceRowsSql(reportDate, only));
  return rows.map(toVarianceRow);
}

const presence = Prisma.raw("variance_dashboard.variance_presence_rollup");

/** The variances a selection may list, each as (variance_type, variance_key). */
function candidatesSql(reportDate: ReportDate, only?: VarianceSelection): Prisma.Sql {
  // A variance asked for by name is shown however long ago it was last seen.
  if (!only) {
    return Prisma.sql`
      SELECT DISTINCT variance_type, variance_key FROM ${presence}
      WHERE date_found BETWEEN ${reportDate}::date - ${RECENTLY_SEEN_DAYS}::int AND ${reportDate}::date
      UNION
      SELECT variance_type, variance_key FROM variance_dashboard.variance_triage`;
  }
  if ("types" in only)
    return Prisma.sql`SELECT * FROM unnest(${[...only.types]}::text[], ${[...only.keys]}::text[]) AS c (variance_type, variance_key)`;
  if ("keys" in only)
    return Prisma.sql`SELECT DISTINCT variance_type, variance_key FROM ${presence} WHERE variance_key = ANY(${[...only.keys]}::text[])`;
  return Prisma.sql`SELECT ${only.type}::text AS variance_type, ${only.key}::text AS variance_key`;
}

/**
 * The query of loadVarianceRows, for a caller that reads its rows through a cursor (the
 * export). Each variance's span is two index probes of the presence rollup (its first date,
 * its newest date up to the report), and its newest row one primary-key lookup of exceptions,
 * so the cost follows the variances listed, not the years of exceptions behind them.
 */
export function varianceRowsSql(reportDate: ReportDate, only?: VarianceSelection): Prisma.Sql {
  return Prisma.sql`
    WITH candidates AS (${candidatesSql(reportDate, only)}),
    spans AS (
      SELECT c.variance_type AS type, c.variance_key AS key, first_seen.date_found AS first_seen,
             last_seen.date_found AS last_seen, last_seen.row_count, last_seen.first_row_id
      FROM candidates c
      CROSS JOIN LATERAL (
        SELECT p.date_found FROM ${presence} p
        WHERE p.variance_type = c.variance_type AND p.variance_key = c.variance_key AND p.date_found <= ${reportDate}::date
        ORDER BY p.date_found LIMIT 1
      ) first_seen
      CROSS JOIN LATERAL (
        SELECT p.date_found, p.row_count, p.first_row_id FROM ${presence} p
        WHERE p.variance_type = c.variance_type AND p.variance_key = c.variance_key AND p.date_found <= ${reportDate}::date
        ORDER BY p.date_found DESC LIMIT 1
      ) last_seen
    )
    SELECT s.type, s.key, e.id::text AS row_id, e.hostname, e.details, s.first_seen::text, s.last_seen::text,
           CASE WHEN s.last_seen = ${reportDate}::date THEN s.row_count ELSE 0 END AS rows_on_report,
           t.version, t.assignee_user_id AS assignee_id, assignee.name AS assignee_name,
           t.resolved_report_date::text, t.resolved_at, resolver.name AS resolved_by_name, t.resolution_note,
           t.snoozed_until::text, t.snooze_reason,
           (SELECT count(*)::int FROM variance_dashboard.variance_notes n WHERE n.variance_type = s.type AND n.variance_key = s.key) AS note_count
    FROM spans s
    JOIN exceptions e ON e.id = s.first_row_id
    LEFT JOIN variance_dashboard.variance_triage t ON t.variance_type = s.type AND t.variance_key = s.key
    LEFT JOIN variance_dashboard.users assignee ON assignee.id = t.assignee_user_id
    LEFT JOIN variance_dashboard.users resolver ON resolver.id = t.resolved_by_user_id`;
}

export function toVarianceRow(row: RawVarianceRow): VarianceRow {
  return {
    type: row.type,
    key: row.key,
    rowId: row.row_id,
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
