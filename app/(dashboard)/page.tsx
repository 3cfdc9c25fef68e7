import type { Metadata } from "next";
import { Suspense } from "react";
import { AgeingSkeleton, HeadlineSkeleton, TrendsSkeleton } from "@/components/overview/overview-skeletons";
import { TrendWindowLinks } from "@/components/overview/trend-window-links";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeading } from "@/components/ui/page-heading";
import { PrintButton } from "@/components/ui/print-button";
import { requireActor } from "@/lib/auth/actor";
import { todayUtc } from "@/lib/calendar-date";
import { parseOverviewSearch } from "@/lib/reports/trend-window";
import { requestFormat } from "@/lib/request-format";
import type { SearchParams } from "@/lib/url-params";
import { AgeingSection } from "./_overview/ageing-section";
import { HeadlineSection } from "./_overview/headline-section";
import { TrendsSection } from "./_overview/trends-section";
import { loadDataHealth } from "./load-data-health";

export const metadata: Metadata = { title: "Overview" };

const sectionClass = "print-section space-y-3";

export default async function OverviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { window } = parseOverviewSearch(await searchParams);
  const actor = await requireActor();
  const format = await requestFormat();
  const { status } = await loadDataHealth(actor);
  const reportDate = status.latestMatchingDate;
  if (!reportDate) {
    return (
      <EmptyState heading="h1" title="No report to show yet">
        No date in the newest week of data has rows from both Ninja and ThreatLocker. Check that both collectors ran;
        the banner above shows each vendor&apos;s latest date.
      </EmptyState>
    );
  }
  const today = todayUtc();
  return (
    <div className="space-y-8">
      <PageHeading
        title="Overview"
        description={
          <>
            Report of{" "}
            <time dateTime={reportDate} data-testid="overview-report-date">
              {format.reportDate(reportDate)}
            </time>
          </>
        }
        aside={<PrintButton />}
      />
      <section aria-labelledby="headline-heading" className={sectionClass}>
        <h2 id="headline-heading" className="text-lg font-semibold">
          Headline figures
        </h2>
        <Suspense fallback={<HeadlineSkeleton />}>
          <HeadlineSection actor={actor} reportDate={reportDate} today={today} />
        </Suspense>
      </section>
      <section aria-labelledby="trends-heading" className={sectionClass}>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="trends-heading" className="text-lg font-semibold">
            Trends over {window} days
          </h2>
          <TrendWindowLinks current={window} />
        </div>
        <Suspense key={window} fallback={<TrendsSkeleton />}>
          <TrendsSection actor={actor} reportDate={reportDate} window={window} today={today} />
        </Suspense>
      </section>
      <section aria-labelledby="ageing-heading" className={sectionClass}>
        <h2 id="ageing-heading" className="text-lg font-semibold">
          Ageing of open variances
        </h2>
        <p className="text-sm text-gray-600 dark:text-gray-400">
          Days since each open variance was first seen, by type.
        </p>
        <Suspense fallback={<AgeingSkeleton />}>
          <AgeingSection actor={actor} reportDate={reportDate} today={today} />
        </Suspense>
      </section>
    </div>
  );
}
