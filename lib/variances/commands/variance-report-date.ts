import { CommandError } from "@/lib/commands/command-error";
import type { Database } from "@/lib/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ReportDate } from "@/lib/inventory/report-date";
import { getReportStatus } from "@/lib/inventory/report-status";
import { refreshVarianceHistory } from "@/lib/reports/rollups/variance-rollup";
import type { VarianceId } from "../variance-key";

/**
 * The newest report a command may act on: the latest matching date. Later dates exist
 * while a collection is missing or running, and their exceptions are not trustworthy.
 * Null when no date in the window has both vendors. Read before a command's transaction,
 * which also brings up to date the variance history that findVariances reads in it.
 */
export async function reportDateBound(db: Database): Promise<ReportDate | null> {
  const [status] = await Promise.all([getReportStatus(db), refreshVarianceHistory(db)]);
  return status.latestMatchingDate;
}

/**
 * "The report date acted on", over dates (`exceptions e` by default) grouped by variance: its
 * last-seen date at or before the bound. A variance seen only after the bound (or with no
 * bound at all) falls back to its last-seen date, so that it can still be acted on.
 */
export const reportDateSql = (bound: ReportDate | null, date: Prisma.Sql = Prisma.raw("e.date_found")) =>
  Prisma.sql`coalesce(max(${date}) FILTER (WHERE ${date} <= ${bound}::date), max(${date}))`;

export interface FoundVariance extends VarianceId {
  reportDate: ReportDate;
}

/**
 * The variances that exist (at least one exception row on any date), with the report
 * date each is acted on, sorted by (type, key). Missing ones are left out. Read from the
 * presence rollup (index probes per variance; exceptions has no index on the key), which
 * reportDateBound brought up to date before the transaction.
 */
export async function findVariances(
  tx: Prisma.TransactionClient,
  ids: readonly VarianceId[],
  bound: ReportDate | null,
): Promise<FoundVariance[]> {
  if (ids.length === 0) return [];
  return tx.$queryRaw<FoundVariance[]>`
    SELECT p.variance_type AS type, p.variance_key AS key, (${reportDateSql(bound, Prisma.raw("p.date_found"))})::text AS "reportDate"
    FROM variance_dashboard.variance_presence_rollup p
    JOIN unnest(${ids.map((id) => id.type)}::text[], ${ids.map((id) => id.key)}::text[]) AS wanted(type, key)
      ON p.variance_type = wanted.type AND p.variance_key = wanted.key
    GROUP BY 1, 2
    ORDER BY 1, 2`;
}

export const varianceNotFound = ({ type, key }: VarianceId) =>
  new CommandError("not_found", `There is no ${type} variance for "${key}" on any report.`);
