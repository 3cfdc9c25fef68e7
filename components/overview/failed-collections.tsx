import { use } from "react";
import type { Format } from "@/lib/format";
import type { CollectionFailure } from "@/lib/report-date/collection-failures";
import { requestFormat } from "@/lib/request-format";

function describe(failure: CollectionFailure, format: Format): string {
  const before =
    failure.lastGoodDevices === null ? "" : ` (${format.count(failure.lastGoodDevices)} the collection before)`;
  return failure.kind === "missing"
    ? `${failure.vendor} collected no devices${before}`
    : `${failure.vendor} fell to ${format.count(failure.devices)} devices${before}`;
}

/** The failed collections in the window, named under the trends that leave them out. */
export function FailedCollections({ failures }: { failures: CollectionFailure[] }) {
  const format = use(requestFormat());
  if (failures.length === 0) return null;
  return (
    <div className="rounded-md border border-rose-200 bg-rose-50 p-3 text-sm text-rose-900 dark:border-rose-900 dark:bg-rose-950 dark:text-rose-100">
      <h3 className="font-semibold">Failed collections in this window</h3>
      <p className="mt-1">
        These dates are gaps in both trends, and the device trend marks each with a red dot at the last good count:
        their counts and variances are not trustworthy.
      </p>
      <ul className="mt-2 space-y-1" data-testid="failed-collections">
        {failures.map((failure) => (
          <li
            key={`${failure.date}/${failure.vendor}`}
            data-testid="failed-collection"
            data-date={failure.date}
            data-vendor={failure.vendor}
          >
            <time dateTime={failure.date} className="font-medium">
              {format.reportDate(failure.date)}
            </time>
            : {describe(failure, format)}.
          </li>
        ))}
      </ul>
    </div>
  );
}
