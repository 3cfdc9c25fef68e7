import type { Database } from "@/lib/db/prisma";
import type { ReportDate } from "@/lib/inventory/report-date";

/**
 * Dates recomputed per transaction: small enough that a first fill of a year at 25,000
 * devices per vendor stays far inside the statement timeout, large enough to be few round trips.
 */
export const ROLLUP_BATCH_DATES = 14;

/** A first fill of a long window takes several batches, each well under this. */
const BATCH_TIMEOUT_MS = 60_000;

export type RecomputeDates = (tx: Pick<Database, "$executeRaw">, dates: ReportDate[]) => Promise<unknown>;

/**
 * Recomputes `stale` dates in batches, one transaction each, under an advisory lock per
 * rollup: two requests that find the same dates stale take turns, and the second rewrites
 * the same figures (each recompute reads every row of its dates in one statement, so its
 * result and the fingerprint stored with it come from one snapshot of the upstream rows).
 */
export async function recomputeStaleDates(db: Database, rollup: string, stale: readonly ReportDate[], recompute: RecomputeDates): Promise<void> {
  const dates = [...new Set(stale)].sort();
  for (let start = 0; start < dates.length; start += ROLLUP_BATCH_DATES) {
    const batch = dates.slice(start, start + ROLLUP_BATCH_DATES);
    await db.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`rollup:${rollup}`}, 0))`;
        await recompute(tx, batch);
      },
      { maxWait: BATCH_TIMEOUT_MS, timeout: BATCH_TIMEOUT_MS },
    );
  }
}
