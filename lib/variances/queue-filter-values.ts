// The queue's filter values, free of zod: the filter bar in the browser writes them, and
// queue-filters.ts (on the server) reads the URL back with them.

export const QUEUE_STATUSES = ["open", "snoozed", "resolved", "verified", "cleared", "all"] as const;
export const QUEUE_SORTS = ["days_open", "type", "organization", "hostname"] as const;
export const QUEUE_MATCHES = ["contains", "prefix"] as const;

/** What a filter is when the URL does not say. */
export const QUEUE_DEFAULTS = {
  status: "open",
  assignee: "anyone",
  match: "contains",
  sort: "days_open",
} as const satisfies {
  status: (typeof QUEUE_STATUSES)[number];
  assignee: string;
  match: (typeof QUEUE_MATCHES)[number];
  sort: (typeof QUEUE_SORTS)[number];
};
