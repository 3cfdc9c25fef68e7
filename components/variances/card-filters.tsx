import Link from "next/link";
import { use } from "react";
import { requestFormat } from "@/lib/request-format";
import { type QueueFilters, queueQuery } from "@/lib/variances/queue-filters";
import { viewHref } from "@/lib/views/saved-view";

/**
 * The filters the overview's cards link with ("new since", "resolved in the last N days"),
 * which have no control of their own: each shown as a chip with a link that removes it (the
 * filter bar keeps them in the URL when other filters change).
 */
export function CardFilters({ filters }: { filters: QueueFilters }) {
  const format = use(requestFormat());
  const active = [
    filters.newSince && {
      name: "newSince",
      label: `New since the report of ${format.reportDate(filters.newSince)}`,
    },
    filters.resolvedDays !== undefined && {
      name: "resolvedDays",
      label: `Resolved in the ${filters.resolvedDays} days up to the report`,
    },
  ].filter((filter) => !!filter);
  if (active.length === 0) return null;
  return (
    <div className="flex flex-wrap gap-2 text-sm" data-testid="card-filters">
      {active.map((filter) => (
        <span
          key={filter.name}
          className="inline-flex h-8 items-center gap-2 rounded-full bg-blue-50 px-3 text-blue-900 dark:bg-blue-950 dark:text-blue-100"
        >
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
