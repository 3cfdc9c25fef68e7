import { parseQueueFilters, queueQuery } from "@/lib/variances/queue-filters";

/**
 * The queue query a view keeps: the filters and sort of `rawQuery` as the queue reads them,
 * unknown or malformed parameters dropped, defaults left out. Not the page (a view opens at
 * its start) nor the report date (a view follows the latest report, so a default view still
 * shows this morning's queue next week).
 */
export function normaliseViewQuery(rawQuery: string): string {
  const params = new URLSearchParams(rawQuery);
  // The first value of a repeated parameter, as the queue page reads it.
  const firstValues = Object.fromEntries([...new Set(params.keys())].map((name) => [name, params.get(name) ?? undefined]));
  return queueQuery({ ...parseQueueFilters(firstValues), page: undefined, date: undefined });
}
