import { z } from "zod";
import { type SearchParams, singleValues } from "@/lib/url-params";

export const ORGANIZATION_SORTS = ["name", "ninja", "threatlocker", "difference", "open", "spare", "oldest"] as const;
export type OrganizationSort = (typeof ORGANIZATION_SORTS)[number];
export type SortDirection = "asc" | "desc";

/** Names read A→Z; figures read largest first, which is what a manager looks for. */
export const DEFAULT_SORT_DIRECTION: Record<OrganizationSort, SortDirection> = {
  name: "asc",
  ninja: "desc",
  threatlocker: "desc",
  difference: "desc",
  open: "desc",
  spare: "desc",
  oldest: "desc",
};

/**
 * The organisation list's search, sort and internal-organisation toggle as they live in
 * the URL. A hand-edited or stale value falls back to its default instead of failing the page.
 */
export const organizationFiltersSchema = z.object({
  q: z
    .string()
    .trim()
    .max(255)
    .optional()
    .transform((value) => value || undefined)
    .catch(undefined),
  sort: z.enum(ORGANIZATION_SORTS).default("name").catch("name"),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
  internal: z.enum(["include", "exclude"]).default("include").catch("include"),
  /** 1 when absent; a page past the last shows the last. */
  page: z.coerce.number().int().min(2).max(100_000).optional().catch(undefined),
});

/** Rows per page of the list: an MSP with a thousand clients gets pages, not one huge table. */
export const ORGANIZATIONS_PAGE_SIZE = 100;

export type OrganizationFilters = z.infer<typeof organizationFiltersSchema>;

export const parseOrganizationFilters = (searchParams: SearchParams): OrganizationFilters =>
  organizationFiltersSchema.parse(singleValues(searchParams));

export const sortDirectionOf = (filters: OrganizationFilters): SortDirection =>
  filters.dir ?? DEFAULT_SORT_DIRECTION[filters.sort];

/** The list's URL for these filters, leaving out defaults so links stay short and shareable. */
export function organizationsHref(filters: OrganizationFilters): string {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.sort !== "name") params.set("sort", filters.sort);
  if (filters.dir && filters.dir !== DEFAULT_SORT_DIRECTION[filters.sort]) params.set("dir", filters.dir);
  if (filters.internal !== "include") params.set("internal", filters.internal);
  if (filters.page) params.set("page", String(filters.page));
  const query = params.toString();
  return query ? `/organizations?${query}` : "/organizations";
}

/** Where a column header links: that column, reversed when it is already the sort. */
export function sortHref(filters: OrganizationFilters, sort: OrganizationSort): string {
  const dir =
    filters.sort === sort ? (sortDirectionOf(filters) === "asc" ? "desc" : "asc") : DEFAULT_SORT_DIRECTION[sort];
  return organizationsHref({ ...filters, sort, dir, page: undefined });
}

export const organizationPath = (key: string) => `/organizations/${encodeURIComponent(key)}`;
