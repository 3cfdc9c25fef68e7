import { addDays, daysBetween, type ReportDate } from "@/lib/calendar-date";
import type { Database } from "@/lib/db/prisma";
import { inTransaction } from "@/lib/db/transaction";

/**
 * Dates recomputed per transaction: small enough that a first fill of a year at 25,000
 * devices per vendor stays far inside the statement timeout, large enough to be few round trips.
 */
export const ROLLUP_BATCH_DATES = 14;

/**
 * The newest dates of a window, whose rows are fingerprinted on every refresh: the collectors
 * and checks re-run the current date (delete, commit, re-insert, reference §1), and a late or
 * repeated run can land on any date the report still looks back to.
 */
export const RECHECKED_DAYS = 7;

/** A first fill of a long window takes several batches, each well under this. */
const BATCH_TIMEOUT_MS = 60_000;

/**
 * The dates whose upstream rows must be fingerprinted now. Older dates were computed once and
 * are settled: upstream only ever adds rows by inserting (new ids from a sequence), so rows
 * that arrive on a settled date are found through `id > watermark` on the primary key instead
 * of a scan. What it cannot see is a settled date losing rows without new ones (upstream never
 * prunes; a re-run of an old date re-inserts within minutes and is then seen). A newest date
 * fingerprinted moments ago (`trusted`, see recheck-memo.ts) is not fingerprinted again unless
 * rows were inserted on it.
 */
export function datesToCheck(
  from: ReportDate,
  to: ReportDate,
  computed: ReadonlySet<ReportDate>,
  insertedSince: readonly ReportDate[],
  trusted: ReadonlySet<ReportDate> = new Set(),
): ReportDate[] {
  const dates = Array.from({ length: daysBetween(from, to) + 1 }, (_, offset) => addDays(from, offset));
  const recentFrom = addDays(to, -(RECHECKED_DAYS - 1));
  const inserted = new Set(insertedSince);
  return dates.filter(
    (date) => (date >= recentFrom && !trusted.has(date)) || !computed.has(date) || inserted.has(date),
  );
}

/**
 * `read` over `dates` a batch of ROLLUP_BATCH_DATES at a time, the results concatenated: on a
 * first fill every date of the window is checked, and one statement over a year of rows at
 * 25,000 devices per vendor would outlast the statement timeout.
 */
export async function inDateBatches<T>(
  dates: readonly ReportDate[],
  read: (batch: ReportDate[]) => Promise<T[]>,
): Promise<T[]> {
  const results: T[] = [];
  for (let start = 0; start < dates.length; start += ROLLUP_BATCH_DATES)
    results.push(...(await read(dates.slice(start, start + ROLLUP_BATCH_DATES))));
  return results;
}

export type RecomputeDates = (tx: Pick<Database, "$executeRaw">, dates: ReportDate[]) => Promise<unknown>;

/**
 * Recomputes `stale` dates in batches, one transaction each, under an advisory lock per
 * rollup: two requests that find the same dates stale take turns, and the second rewrites
 * the same figures (each recompute reads every row of its dates in one statement, so its
 * result and the fingerprint stored with it come from one snapshot of the upstream rows).
 */
export async function recomputeStaleDates(
  db: Database,
  rollup: string,
  stale: readonly ReportDate[],
  recompute: RecomputeDates,
): Promise<void> {
  const dates = [...new Set(stale)].sort();
  for (let start = 0; start < dates.length; start += ROLLUP_BATCH_DATES) {
    const batch = dates.slice(start, start + ROLLUP_BATCH_DATES);
    await inTransaction(
      db,
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`rollup:${rollup}`}, 0))`;
        await recompute(tx, batch);
      },
      { timeout: BATCH_TIMEOUT_MS },
    );
  }
}
