import Link from "next/link";
import { use } from "react";
import { requestFormat } from "@/lib/request-format";
import { type QueueFilters, queueQuery } from "@/lib/variances/queue-filters";
import { typeLabel } from "@/lib/variances/type-registry/registry";

interface TypeTabsProps {
  filters: QueueFilters;
  counts: { type: string; count: number }[];
}

const tabClass =
  "inline-flex items-center gap-1.5 whitespace-nowrap rounded-full border px-3 py-1 text-sm border-gray-300 hover:bg-gray-100 aria-[current=true]:border-blue-600 aria-[current=true]:bg-blue-50 aria-[current=true]:text-blue-800 dark:border-gray-700 dark:hover:bg-gray-800 dark:aria-[current=true]:bg-blue-950 dark:aria-[current=true]:text-blue-200";

export function TypeTabs({ filters, counts }: TypeTabsProps) {
  const format = use(requestFormat());
  const total = counts.reduce((sum, row) => sum + row.count, 0);
  const tabs = [
    { type: undefined, label: "All types", count: total },
    ...counts.map((row) => ({ type: row.type, label: typeLabel(row.type), count: row.count })),
  ];
  return (
    <nav aria-label="Variance types" className="flex gap-2 overflow-x-auto pb-1">
      {tabs.map((tab) => (
        <Link
          key={tab.type ?? "all"}
          href={`/variances${queueQuery({ ...filters, type: tab.type, page: 1 })}`}
          aria-current={filters.type === tab.type}
          className={tabClass}
        >
          {tab.label}
          <span
            className="rounded-full bg-gray-200 px-1.5 text-xs tabular-nums dark:bg-gray-700"
            data-testid={`type-count-${tab.type ?? "all"}`}
          >
            {format.count(tab.count)}
          </span>
        </Link>
      ))}
    </nav>
  );
}
