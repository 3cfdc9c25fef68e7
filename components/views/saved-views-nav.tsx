import Link from "next/link";
import { type SavedView, UNFILTERED_QUEUE_HREF } from "@/lib/views/saved-view";
import { normaliseViewQuery } from "@/lib/views/view-query";
import { SavedViewControls } from "./saved-view-controls";

/** The person's saved views as links to the queue, the one matching `query` (the current filters) marked. */
export function SavedViewsNav({ views, query }: { views: SavedView[]; query: string }) {
  const current = normaliseViewQuery(query);
  return (
    <nav aria-labelledby="saved-views-heading">
      <h2
        id="saved-views-heading"
        className="text-xs font-semibold uppercase tracking-wide text-gray-600 dark:text-gray-400"
      >
        Saved views
      </h2>
      {views.length === 0 ? (
        <p className="mt-1 text-sm text-gray-600 dark:text-gray-400">
          None yet: filter the queue, then save the filters under a name.
        </p>
      ) : (
        <ul className="mt-1 flex flex-wrap gap-2" data-testid="saved-views">
          {views.map((view) => (
            <li
              key={view.id}
              className="flex flex-wrap items-center gap-1 rounded-md border border-gray-200 px-2 py-1 dark:border-gray-800"
            >
              <Link
                href={view.href}
                aria-current={view.query === current ? "page" : undefined}
                className="text-sm font-medium text-blue-700 hover:underline aria-[current=page]:underline dark:text-blue-300"
              >
                {view.name}
              </Link>
              {view.isDefault && (
                <span className="rounded bg-blue-50 px-1.5 text-xs text-blue-800 dark:bg-blue-950 dark:text-blue-200">
                  default
                </span>
              )}
              <SavedViewControls view={view} />
            </li>
          ))}
          {/* With a default, the bare /variances opens on it; this is the way back to everything open. */}
          {views.some((view) => view.isDefault) && (
            <li className="flex items-center px-2 py-1">
              <Link href={UNFILTERED_QUEUE_HREF} className="text-sm text-gray-700 hover:underline dark:text-gray-300">
                All open variances
              </Link>
            </li>
          )}
        </ul>
      )}
    </nav>
  );
}
