import { singleValues } from "@/lib/url-params";
import { parseQueueFilters, queueQuery } from "@/lib/variances/queue-filters";

/**
 * The queue query a view keeps: the filters and sort of `rawQuery` as the queue reads them,
 * unknown or malformed parameters dropped, defaults left out. Not the page (a view opens at
 * its start) nor the report date (a view follows the latest report, so a default view still
 * shows this morning's queue next week).
 */
export function normaliseViewQuery(rawQuery: string): string {
  return queueQuery({
    ...parseQueueFilters(singleValues(new URLSearchParams(rawQuery))),
    page: undefined,
    date: undefined,
  });
}
