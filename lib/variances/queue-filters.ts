import { z } from "zod";
import { optionalText, type SearchParams, singleValues } from "@/lib/url-params";

export const QUEUE_PAGE_SIZE = 50;
export const QUEUE_STATUSES = ["open", "snoozed", "resolved", "verified", "cleared", "all"] as const;
export const QUEUE_SORTS = ["days_open", "type", "organization", "hostname"] as const;

/**
 * The queue's filters, sort and page as they live in the URL. A hand-edited or stale value
 * falls back to its default instead of failing the page.
 */
export const queueFiltersSchema = z.object({
  date: z.iso.date().optional().catch(undefined),
  type: optionalText(64).catch(undefined),
  status: z.enum(QUEUE_STATUSES).default("open").catch("open"),
  assignee: z
    .union([z.enum(["anyone", "me", "unassigned"]), z.uuid()])
    .default("anyone")
    .catch("anyone"),
  org: optionalText(255).catch(undefined),
  q: optionalText(255).catch(undefined),
  match: z.enum(["contains", "prefix"]).default("contains").catch("contains"),
  minDays: z.coerce.number().int().min(0).max(36500).optional().catch(undefined),
  /** Only variances on the report that the report of this date did not have (the overview's "new since the previous report"). */
  newSince: z.iso.date().optional().catch(undefined),
  /** Only variances resolved on a report in this many days up to the report, and still resolved or verified on it. */
  resolvedDays: z.coerce.number().int().min(1).max(36500).optional().catch(undefined),
  sort: z.enum(QUEUE_SORTS).default("days_open").catch("days_open"),
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
