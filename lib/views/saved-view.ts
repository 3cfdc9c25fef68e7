import type { saved_views } from "@/lib/generated/prisma/client";

export const VIEW_NAME_MAX_LENGTH = 80;

/**
 * The unfiltered queue as a link that a default view does not redirect away from (the bare
 * /variances opens on the person's default view).
 */
export const UNFILTERED_QUEUE_HREF = "/variances?status=open";

/** A view is its link: the queue with the view's query. */
export const viewHref = (query: string) => (query ? `/variances${query}` : UNFILTERED_QUEUE_HREF);

/** A saved view as pages and actions see it. */
export interface SavedView {
  id: string;
  name: string;
  /** The normalised queue query, "" for the unfiltered queue. */
  query: string;
  href: string;
  isDefault: boolean;
}

/** The columns a SavedView is made of: every read and write of a view selects just these. */
export const SAVED_VIEW_SELECT = { id: true, name: true, query: true, is_default: true } as const;

export const savedViewOf = (row: Pick<saved_views, keyof typeof SAVED_VIEW_SELECT>): SavedView => ({
  id: row.id,
  name: row.name,
  query: row.query,
  href: viewHref(row.query),
  isDefault: row.is_default,
});
