import type { ReportDate } from "@/lib/calendar-date";
import { CommandError } from "@/lib/commands/command-error";
import { Prisma } from "@/lib/generated/prisma/client";
import { reportDateSql } from "@/lib/report-date/report-date-bound";
import type { VarianceId } from "../variance-key";

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
