import Link from "next/link";
import { use } from "react";
import { TypeBadge } from "@/components/variances/type-badge";
import type { OrganizationVariance } from "@/lib/organizations/organization-detail";
import { requestFormat } from "@/lib/request-format";

/** The organisation's open variances, oldest first, each linking to its variance page. */
export function OrganizationVariances({ variances }: { variances: OrganizationVariance[] }) {
  const format = use(requestFormat());
  if (variances.length === 0)
    return (
      <p className="text-sm text-gray-600 dark:text-gray-400">
        No open variances: nothing to fix for this organisation on this report.
      </p>
    );
  return (
    <ul className="divide-y divide-gray-100 text-sm dark:divide-gray-800" data-testid="organization-variances">
      {variances.map((variance) => (
        <li key={`${variance.type}/${variance.key}`} className="py-2 break-inside-avoid">
          <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <TypeBadge type={variance.type} />
            <Link
              href={variance.href}
              className="min-w-0 font-medium break-all text-blue-700 hover:underline dark:text-blue-300"
            >
              {variance.hostname}
            </Link>
            <span
              className="ml-auto text-xs text-gray-600 tabular-nums dark:text-gray-400"
              title={`First seen on ${format.reportDate(variance.firstSeen)}`}
            >
              {format.count(variance.daysOpen)} {variance.daysOpen === 1 ? "day" : "days"} open
            </span>
          </div>
          <p className="mt-1 text-gray-700 [overflow-wrap:anywhere] dark:text-gray-300">{variance.summary}</p>
        </li>
      ))}
    </ul>
  );
}
