import { z } from "zod";
import { optionalText, type SearchParams, singleValues } from "@/lib/url-params";

import { QUEUE_DEFAULTS, QUEUE_MATCHES, QUEUE_SORTS, QUEUE_STATUSES } from "./queue-filter-values";

export const QUEUE_PAGE_SIZE = 50;

/**
 * The queue's filters, sort and page as they live in the URL. A hand-edited or stale value
 * falls back to its default instead of failing the page.
 */
export const queueFiltersSchema = z.object({
  date: z.iso.date().optional().catch(undefined),
  type: optionalText(64).catch(undefined),
  status: z.enum(QUEUE_STATUSES).default(QUEUE_DEFAULTS.status).catch(QUEUE_DEFAULTS.status),
  assignee: z
    .union([z.enum(["anyone", "me", "unassigned"]), z.uuid()])
    .default(QUEUE_DEFAULTS.assignee)
    .catch(QUEUE_DEFAULTS.assignee),
  org: optionalText(255).catch(undefined),
  q: optionalText(255).catch(undefined),
  match: z.enum(QUEUE_MATCHES).default(QUEUE_DEFAULTS.match).catch(QUEUE_DEFAULTS.match),
  minDays: z.coerce.number().int().min(0).max(36500).optional().catch(undefined),
  /** Only variances on the report that the report of this date did not have (the overview's "new since the previous report"). */
  newSince: z.iso.date().optional().catch(undefined),
  /** Only variances resolved on a report in this many days up to the report, and still resolved or verified on it. */
  resolvedDays: z.coerce.number().int().min(1).max(36500).optional().catch(undefined),
  sort: z.enum(QUEUE_SORTS).default(QUEUE_DEFAULTS.sort).catch(QUEUE_DEFAULTS.sort),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});

export type QueueFilters = z.infer<typeof queueFiltersSchema>;

export function parseQueueFilters(searchParams: SearchParams): QueueFilters {
  return queueFiltersSchema.parse(singleValues(searchParams));
}

const defaults = queueFiltersSchema.parse({});

/** The default queue: every open variance of the report, nobody's filter applied. */
export const isUnfilteredQueue = (filters: QueueFilters) =>
  filters.status === "open" &&
  !filters.type &&
  !filters.org &&
  !filters.q &&
  filters.assignee === "anyone" &&
  filters.minDays === undefined &&
  !filters.newSince &&
  filters.resolvedDays === undefined;

/** The URL query for a filter set, leaving out defaults so links stay short and shareable. */
export function queueQuery(filters: Partial<QueueFilters>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    if (value === undefined || value === null || value === "" || defaults[name as keyof QueueFilters] === value)
      continue;
    params.set(name, String(value));
  }
  const query = params.toString();
  return query ? `?${query}` : "";
}
