import { Prisma } from "@/lib/generated/prisma/client";
import type { Database } from "@/lib/db/prisma";
import { CommandError } from "@/lib/commands/command-error";
import { getReportStatus } from "@/lib/inventory/report-status";
import type { ReportDate } from "@/lib/inventory/report-date";
import { type VarianceId } from "../variance-key";
import { VARIANCE_KEY_SQL } from "../variance-key-sql";

/**
 * The newest report a command may act on: the latest matching date. Later dates exist
 * while a collection is missing or running, and their exceptions are not trustworthy.
 * Null when no date in the window has both vendors.
 */
export async function reportDateBound(db: Database): Promise<ReportDate | null> {
  return (await getReportStatus(db)).latestMatchingDate;
}

/**
 * "The report date acted on", over `exceptions e` grouped by variance: its last-seen
 * date_found at or before the bound. A variance seen only after the bound (or with no
 * bound at all) falls back to its last-seen date, so that it can still be acted on.
 */
export const reportDateSql = (bound: ReportDate | null) =>
  Prisma.sql`coalesce(max(e.date_found) FILTER (WHERE e.date_found <= ${bound}::date), max(e.date_found))`;

export interface FoundVariance extends VarianceId {
  reportDate: ReportDate;
}

/**
 * The variances that exist (at least one exception row on any date), with the report
 * date each is acted on, sorted by (type, key). Missing ones are left out.
 */
export async function findVariances(tx: Prisma.TransactionClient, ids: readonly VarianceId[], bound: ReportDate | null): Promise<FoundVariance[]> {
  if (ids.length === 0) return [];
  return tx.$queryRaw<FoundVariance[]>`
    SELECT e.type, ${VARIANCE_KEY_SQL} AS key, (${reportDateSql(bound)})::text AS "reportDate"
    FROM exceptions e
    JOIN unnest(${ids.map((id) => id.type)}::text[], ${ids.map((id) => id.key)}::text[]) AS wanted(type, key)
      ON e.type = wanted.type AND ${VARIANCE_KEY_SQL} = wanted.key
    GROUP BY 1, 2
    ORDER BY 1, 2`;
}

export const varianceNotFound = ({ type, key }: VarianceId) =>
  new CommandError("not_found", `There is no ${type} variance for "${key}" on any report.`);
