import type { ReportDate } from "@/lib/calendar-date";
import type { Prisma } from "@/lib/generated/prisma/client";
import { varianceSubjectId } from "./variance-key";

/**
 * The variances a report had, as varianceSubjectId strings, read from the presence rollup:
 * the caller brings it up to date first (refreshVarianceHistory), as for any read of it.
 */
export async function varianceIdsOn(
  db: Pick<Prisma.TransactionClient, "$queryRaw">,
  date: ReportDate,
): Promise<Set<string>> {
  const rows = await db.$queryRaw<{ type: string; key: string }[]>`
    SELECT variance_type AS type, variance_key AS key FROM variance_dashboard.variance_presence_rollup WHERE date_found = ${date}::date`;
  return new Set(rows.map(varianceSubjectId));
}
