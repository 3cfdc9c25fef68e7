import type { ReportDate } from "@/lib/calendar-date";
import type { Database } from "@/lib/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";
import { refreshVarianceHistory } from "@/lib/rollups/variance-rollup";
import { getReportStatus } from "./report-status";

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
