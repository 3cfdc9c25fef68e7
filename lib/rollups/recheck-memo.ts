import type { ReportDate } from "@/lib/calendar-date";
import { readEnvironment } from "@/lib/config/environment";

/**
 * How long a newest date that was fingerprinted and found current (or recomputed) is trusted
 * again without a new fingerprint, in this process. Every page's banner and the queue read the
 * rollups; fingerprinting the newest week on each request (350,000 snapshot rows at tier L)
 * made that the largest cost under load. Collectors change a date a few times a day, so pages
 * lag a re-run by at most this. Rows inserted on any date are still seen at once (their ids).
 * VD_ROLLUP_RECHECK_MS, default 5 s; 0 fingerprints on every read.
 */
export function rollupRecheckMs(env?: Record<string, string | undefined>): number {
  return readEnvironment(env).VD_ROLLUP_RECHECK_MS;
}

/** Per rollup: when each date was last fingerprinted. */
const checkedAt = new Map<string, Map<ReportDate, number>>();

/** The dates of `rollup` fingerprinted within the recheck interval. */
export function recentlyChecked(rollup: string, now = Date.now()): Set<ReportDate> {
  const interval = rollupRecheckMs();
  const dates = checkedAt.get(rollup) ?? new Map<ReportDate, number>();
  return new Set([...dates].filter(([, at]) => now - at < interval).map(([date]) => date));
}

export function markChecked(rollup: string, dates: readonly ReportDate[], now = Date.now()): void {
  const dated = checkedAt.get(rollup) ?? new Map<ReportDate, number>();
  for (const date of dates) dated.set(date, now);
  checkedAt.set(rollup, dated);
}

/** Each whole refresh (by a key naming it and its window): when it started, and its run. */
const refreshes = new Map<string, { startedAt: number; run: Promise<void> }>();

/**
 * Runs `refresh` unless the same one started within the recheck interval, and then waits for
 * that one instead: a page reads the variance history from several sections, and under load
 * dozens of requests ask at once (one check, not a stampede, when the interval runs out).
 */
export function unlessRefreshedWithin(key: string, refresh: () => Promise<void>): Promise<void> {
  const previous = refreshes.get(key);
  if (previous && Date.now() - previous.startedAt < rollupRecheckMs()) return previous.run;
  const run = refresh();
  refreshes.set(key, { startedAt: Date.now(), run });
  // A failed refresh is not reused: the next read tries again.
  run.catch(() => refreshes.get(key)?.run === run && refreshes.delete(key));
  return run;
}
