import Link from "next/link";
import { use } from "react";
import { requestFormat } from "@/lib/request-format";
import { type QueueFilters, queueQuery } from "@/lib/variances/queue-filters";
import { viewHref } from "@/lib/views/saved-view";

/**
 * The filters the overview's cards link with ("new since", "resolved in the last N days"),
 * which have no control of their own: kept through the form as hidden fields, and each shown
 * with a link that removes it.
 */
export function CardFilters({ filters }: { filters: QueueFilters }) {
  const format = use(requestFormat());
  const active = [
    filters.newSince && {
      name: "newSince",
      value: filters.newSince,
      label: `New since the report of ${format.reportDate(filters.newSince)}`,
    },
    filters.resolvedDays !== undefined && {
      name: "resolvedDays",
      value: String(filters.resolvedDays),
      label: `Resolved in the ${filters.resolvedDays} days up to the report`,
    },
  ].filter((filter) => !!filter);
  if (active.length === 0) return null;
  return (
    <div className="col-span-full flex flex-wrap gap-2 text-sm" data-testid="card-filters">
      {active.map((filter) => (
        <span
          key={filter.name}
          className="inline-flex items-center gap-2 rounded-full bg-blue-50 px-3 py-1 text-blue-900 dark:bg-blue-950 dark:text-blue-100"
        >
          <input type="hidden" name={filter.name} value={filter.value} />
          {filter.label}
          <Link
            href={viewHref(queueQuery({ ...filters, [filter.name]: undefined, page: 1 }))}
            aria-label={`Remove the filter: ${filter.label}`}
            className="font-medium underline-offset-2 hover:underline"
          >
            Remove
          </Link>
        </span>
      ))}
    </div>
  );
}
