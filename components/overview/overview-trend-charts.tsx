import { use } from "react";
import { DeviceTrendChart, VarianceTrendChart } from "@/components/charts/lazy-trend-charts";
import type { OverviewTrends } from "@/lib/reports/overview-trends";
import { requestFormat } from "@/lib/request-format";
import { FailedCollections } from "./failed-collections";

const cardClass =
  "rounded-lg border border-gray-200 bg-white p-4 shadow-sm break-inside-avoid dark:border-gray-800 dark:bg-gray-900";

/** Both trends of the window, and the failed collections they leave out. */
export function OverviewTrendCharts({ trends }: { trends: OverviewTrends }) {
  const format = use(requestFormat());
  const first = trends.devices[0]?.date;
  const last = trends.devices.at(-1)?.date;
  const span = first && last ? `${format.reportDate(first)} to ${format.reportDate(last)}` : "";
  return (
    <div className="space-y-4" data-testid="overview-trends" data-window={trends.window}>
      <div className="grid min-w-0 gap-4 xl:grid-cols-2 print:grid-cols-1">
        <figure className={`${cardClass} min-w-0`} data-testid="device-trend" aria-labelledby="device-trend-title">
          <figcaption>
            <h3 id="device-trend-title" className="font-semibold">
              Devices per vendor
            </h3>
            <p className="text-sm text-gray-600 dark:text-gray-400">
              {span}; a gap means that vendor has no good collection for the date.
            </p>
          </figcaption>
          <div className="mt-3">
            <DeviceTrendChart points={trends.devices} failures={trends.failures} />
          </div>
        </figure>
        <figure className={`${cardClass} min-w-0`} data-testid="variance-trend" aria-labelledby="variance-trend-title">
          <figcaption>
            <h3 id="variance-trend-title" className="font-semibold">
              Open variances per type
            </h3>
            <p className="text-sm text-gray-600 dark:text-gray-400">
              {span}; only dates with a trustworthy report from both vendors have a bar.
            </p>
          </figcaption>
          <div className="mt-3">
            {trends.varianceTypes.length === 0 ? (
              <p className="text-sm text-gray-600 dark:text-gray-400">No open variances in this window.</p>
            ) : (
              <VarianceTrendChart points={trends.variances} types={trends.varianceTypes} />
            )}
          </div>
        </figure>
      </div>
      <FailedCollections failures={trends.failures} />
    </div>
  );
}
