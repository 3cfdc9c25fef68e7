import Link from "next/link";
import type { DeviceSearchResult } from "@/lib/devices/device-search";
import { devicePath } from "@/lib/inventory/device-path";
import { DEVICE_VENDOR_NAMES } from "@/lib/inventory/vendors";
import { TruncatedBadge } from "./truncated-badge";

/** Search results as cards: one per device, each vendor's rows inside, so the list reads the same at any width. */
export function DeviceResults({ result }: { result: DeviceSearchResult }) {
  return (
    <ul className="space-y-3" aria-label="Matching devices">
      {result.groups.map((group) => {
        const missing = DEVICE_VENDOR_NAMES.filter((vendor) => !group.rows.some((row) => row.vendor === vendor));
        return (
          <li
            key={group.key}
            className="rounded-lg border border-gray-200 bg-white p-3 dark:border-gray-800 dark:bg-gray-900"
            data-testid="device-result"
            data-key={group.key}
          >
            <div className="flex flex-wrap items-center gap-2">
              <Link
                href={devicePath(group.key)}
                className="font-semibold break-all text-blue-700 hover:underline dark:text-blue-300"
              >
                {group.key}
              </Link>
              {group.truncated && <TruncatedBadge />}
              {missing.map((vendor) => (
                <span
                  key={vendor}
                  className="rounded bg-gray-100 px-1.5 py-0.5 text-xs font-medium text-gray-800 dark:bg-gray-800 dark:text-gray-200"
                >
                  Not in {vendor}
                </span>
              ))}
            </div>
            <dl className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
              {group.rows.map((row, index) => (
                <div
                  // biome-ignore lint/suspicious/noArrayIndexKey: a vendor can hold identical rows; the list is never reordered.
                  key={`${row.vendor}-${index}`}
                  className="contents"
                >
                  <dt className="font-medium text-gray-600 dark:text-gray-400">{row.vendor}</dt>
                  <dd className="min-w-0 wrap-anywhere">
                    <span className="font-mono">{row.hostname}</span>
                    {row.displayName && <> · {row.displayName}</>}
                    {row.organization && (
                      <span className="text-gray-600 dark:text-gray-400"> · {row.organization}</span>
                    )}
                  </dd>
                </div>
              ))}
            </dl>
          </li>
        );
      })}
    </ul>
  );
}
