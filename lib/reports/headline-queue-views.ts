import { type QueueFilters, queueQuery } from "@/lib/variances/queue-filters";
import { viewHref } from "@/lib/views/saved-view";
import { type HeadlineFigures, LICENSE_WASTE_TYPE, type OverviewHeadline } from "./overview-headline";
import { RECENTLY_RESOLVED_DAYS } from "./resolutions";

/** The headline figures that count variances. */
export type VarianceFigure = keyof Pick<
  HeadlineFigures,
  "openVariances" | "newVariances" | "resolvedLast7Days" | "licenseWaste"
>;

/** The queue view each variance figure counts, on the same (latest) report. */
function headlineQueueViews(
  headline: Pick<OverviewHeadline, "previousReportDate">,
): Partial<Record<VarianceFigure, Partial<QueueFilters>>> {
  return {
    openVariances: {},
    // Whatever their triage state: a variance resolved or snoozed on the day it appeared is still new.
    ...(headline.previousReportDate ? { newVariances: { status: "all", newSince: headline.previousReportDate } } : {}),
    resolvedLast7Days: { status: "all", resolvedDays: RECENTLY_RESOLVED_DAYS },
    licenseWaste: { type: LICENSE_WASTE_TYPE },
  };
}

/**
 * The link of each card that counts variances: the queue view whose total is its figure (tests
 * hold the two equal). A figure with no view (nothing to be new since) has no link.
 */
export function headlineQueueLinks(
  headline: Pick<OverviewHeadline, "previousReportDate">,
): Partial<Record<VarianceFigure, string>> {
  // viewHref, not the bare /variances, which opens on the person's default view instead.
  return Object.fromEntries(
    Object.entries(headlineQueueViews(headline)).map(([figure, view]) => [figure, viewHref(queueQuery(view))]),
  );
}
