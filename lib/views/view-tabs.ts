import type { Actor } from "@/lib/access/roles";
import type { Database } from "@/lib/db/prisma";
import { singleValues } from "@/lib/url-params";
import { countQueues } from "@/lib/variances/queue";
import { parseQueueFilters } from "@/lib/variances/queue-filters";
import { type SavedView, viewHref } from "./saved-view";
import { normaliseViewQuery } from "./view-query";

export interface ViewTab {
  id: string;
  name: string;
  href: string;
  count: number;
  isDefault: boolean;
  /** The queue shows exactly this view's filters now. */
  current: boolean;
}

/** The queues everyone has (all open, their own) before their saved views. */
const BUILT_IN_VIEWS = [
  { id: "all-open", name: "All open", query: "" },
  { id: "my-open", name: "My open", query: "?assignee=me" },
] as const;

export const MY_OPEN_QUERY = BUILT_IN_VIEWS[1].query;

/** The tabs above the queue, each with how many variances it lists now. */
export async function viewTabs(
  db: Database,
  actor: Actor,
  views: SavedView[],
  currentQuery: string,
): Promise<ViewTab[]> {
  const current = normaliseViewQuery(currentQuery);
  const all = [
    ...BUILT_IN_VIEWS.map((view) => ({ ...view, isDefault: false })),
    ...views.filter((view) => !BUILT_IN_VIEWS.some((builtIn) => builtIn.query === view.query)),
  ];
  const counts = await countQueues(
    db,
    actor,
    all.map((view) => parseQueueFilters(singleValues(new URLSearchParams(view.query)))),
  );
  return all.map((view, index) => ({
    id: view.id,
    name: view.name,
    href: viewHref(view.query),
    count: counts[index] ?? 0,
    isDefault: view.isDefault,
    current: view.query === current,
  }));
}
