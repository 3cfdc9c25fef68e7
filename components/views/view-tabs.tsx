import Link from "next/link";
import { use } from "react";
import { requestFormat } from "@/lib/request-format";
import type { SavedView } from "@/lib/views/saved-view";
import type { ViewTab } from "@/lib/views/view-tabs";
import { ManageViews } from "./manage-views";

const tabClass =
  "inline-flex items-center gap-1.5 whitespace-nowrap rounded-md px-2.5 py-1 text-sm font-medium text-gray-700 hover:bg-gray-100 aria-[current=page]:bg-gray-900 aria-[current=page]:text-white dark:text-gray-300 dark:hover:bg-gray-800 dark:aria-[current=page]:bg-gray-100 dark:aria-[current=page]:text-gray-900";

/**
 * The queues a person returns to, as tabs with their counts: everything open, theirs, and
 * their saved views. The one matching the current filters is marked.
 */
export function ViewTabs({ tabs, views, query }: { tabs: ViewTab[]; views: SavedView[]; query: string }) {
  const format = use(requestFormat());
  return (
    <nav aria-label="Saved views" className="flex min-w-0 items-center gap-1 overflow-x-auto">
      <ul className="flex items-center gap-1" data-testid="saved-views">
        {tabs.map((tab) => (
          <li key={tab.id}>
            <Link href={tab.href} aria-current={tab.current ? "page" : undefined} className={tabClass}>
              {tab.name}
              <span className="rounded-full bg-gray-200/80 px-1.5 text-xs tabular-nums text-gray-800 dark:bg-gray-700 dark:text-gray-100">
                {format.count(tab.count)}
              </span>
              {tab.isDefault && <span className="text-xs font-normal opacity-80">default</span>}
            </Link>
          </li>
        ))}
      </ul>
      <ManageViews views={views} query={query} />
    </nav>
  );
}
