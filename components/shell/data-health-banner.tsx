import { use } from "react";
import type { Format } from "@/lib/format";
import type { DataHealth } from "@/lib/health/data-health";
import type { VendorStatus } from "@/lib/report-date/freshness";
import type { ReportStatus } from "@/lib/report-date/report-status";
import { requestFormat } from "@/lib/request-format";
import { CollectorRuns } from "./collector-runs";

const freshnessText: Record<ReportStatus["freshness"], string> = {
  current: "Current",
  stale: "Stale",
  out_of_sync: "Out of sync",
};

const freshnessStyle: Record<ReportStatus["freshness"], string> = {
  current: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200",
  stale: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  out_of_sync: "bg-rose-100 text-rose-900 dark:bg-rose-950 dark:text-rose-200",
};

const frameClass = "border-b border-gray-200 bg-white/60 dark:border-gray-800 dark:bg-gray-900/60";

function vendorWarnings(vendor: VendorStatus, format: Format): string[] {
  const warnings: string[] = [];
  if (vendor.countDropped && vendor.latestDate && vendor.previousDevices !== null) {
    warnings.push(
      `${vendor.vendor} fell from ${format.count(vendor.previousDevices)} to ${format.count(vendor.devices)} devices on ${format.reportDate(vendor.latestDate)}: the collection probably failed, so that day's variances are not trustworthy.`,
    );
  }
  if (vendor.missingOnNewestDate) {
    warnings.push(
      `${vendor.vendor} has no rows for the newest date yet (failed or still running): the report below uses the latest date both vendors share.`,
    );
  }
  return warnings;
}

/** Tells everyone, on every page, which report they are looking at and whether to trust it. */
export function DataHealthBanner({ health: { status, collectorRuns } }: { health: DataHealth }) {
  const format = use(requestFormat());
  const warnings = status.vendors.flatMap((vendor) => vendorWarnings(vendor, format));
  // When all is well the banner is one line and the collector runs wait behind a disclosure,
  // so every page starts higher; anything wrong is shown in full.
  const allWell =
    status.freshness === "current" && warnings.length === 0 && collectorRuns.every((run) => run.status === "completed");
  const vendorCounts = status.vendors.map((vendor) => (
    <span key={vendor.vendor} className="text-gray-600 dark:text-gray-400">
      {vendor.vendor}:{" "}
      {vendor.latestDate ? `${format.count(vendor.devices)} on ${format.reportDate(vendor.latestDate)}` : "no data"}
    </span>
  ));
  return (
    <section aria-label="Data health" className={frameClass}>
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2 text-sm sm:px-6">
        <span className={`rounded px-2 py-0.5 font-medium ${freshnessStyle[status.freshness]}`} data-testid="freshness">
          {freshnessText[status.freshness]}
        </span>
        <span data-testid="latest-matching-date">
          {status.latestMatchingDate
            ? `Report of ${format.reportDate(status.latestMatchingDate)}`
            : "No date in the last 7 days of data has both vendors"}
        </span>
        {/* All well, a phone keeps the one line: the counts wait with the runs behind "Details". */}
        <span className={allWell ? "hidden sm:contents" : "contents"}>{vendorCounts}</span>
        {allWell && (
          <details className="group">
            <summary className="cursor-pointer text-gray-600 hover:text-gray-900 dark:text-gray-400 dark:hover:text-gray-100">
              <span className="sm:hidden">Details</span>
              <span className="hidden sm:inline">Collector runs</span>
            </summary>
            <div className="space-y-1 pt-1">
              <p className="flex flex-col sm:hidden">{vendorCounts}</p>
              <CollectorRuns runs={collectorRuns} />
            </div>
          </details>
        )}
      </div>
      {!allWell && (
        <div className="mx-auto max-w-7xl px-4 pb-2 text-sm sm:px-6">
          <CollectorRuns runs={collectorRuns} />
        </div>
      )}
      {warnings.length > 0 && (
        <ul
          role="alert"
          className="mx-auto max-w-7xl space-y-1 px-4 pb-2 text-sm text-amber-900 sm:px-6 dark:text-amber-200"
        >
          {warnings.map((warning) => (
            <li key={warning}>⚠ {warning}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Holds the banner's one line while its read streams in, so the page below does not jump when it lands. */
export function DataHealthPlaceholder() {
  return <div aria-hidden="true" className={`${frameClass} h-9`} />;
}

/** The report's status could not be read; the page below reads its own data and may well work. */
export function DataHealthUnavailable() {
  return (
    <section aria-label="Data health" className={frameClass}>
      <p
        role="status"
        className="mx-auto max-w-7xl px-4 py-2 text-sm text-amber-900 sm:px-6 dark:text-amber-200"
        data-testid="data-health-unavailable"
      >
        ⚠ Which report this page shows, and whether to trust it, could not be read just now. Reload to try again.
      </p>
    </section>
  );
}
