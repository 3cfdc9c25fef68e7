"use client";

import { debounce, parseAsInteger, parseAsString, parseAsStringLiteral, useQueryStates } from "nuqs";
import { type ReactNode, useEffect, useRef, useState, useTransition } from "react";
import { useFormat } from "@/components/ui/format-provider";
import type { UserSummary } from "@/lib/auth/user-directory";
import {
  QUEUE_DEFAULTS as defaults,
  QUEUE_MATCHES,
  QUEUE_SORTS,
  QUEUE_STATUSES,
} from "@/lib/variances/queue-filter-values";

/**
 * The queue's filters as typed URL state. The server parses the same URL with
 * queueFiltersSchema (which also forgives hand-edited values); these parsers only write it,
 * leaving defaults out. Both take their values from queue-filter-values.ts.
 */
const queueUrlState = {
  q: parseAsString.withDefault(""),
  status: parseAsStringLiteral(QUEUE_STATUSES).withDefault(defaults.status).withOptions({ clearOnDefault: false }),
  assignee: parseAsString.withDefault(defaults.assignee),
  org: parseAsString.withDefault(""),
  date: parseAsString.withDefault(""),
  match: parseAsStringLiteral(QUEUE_MATCHES).withDefault(defaults.match),
  minDays: parseAsInteger,
  sort: parseAsStringLiteral(QUEUE_SORTS).withDefault(defaults.sort),
  dir: parseAsStringLiteral(["asc", "desc"] as const),
  page: parseAsInteger.withDefault(1),
};

// Typing in the search box (or the days box) updates the list once the person pauses.
const SEARCH_DEBOUNCE_MS = 300;

export const QUEUE_SEARCH_ID = "queue-search";

const chipClass =
  "h-8 rounded-full border border-gray-300 bg-white px-3 text-sm hover:bg-gray-50 focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-600/30 dark:border-gray-700 dark:bg-gray-900 dark:hover:bg-gray-800";
const toggleClass = `${chipClass} aria-pressed:border-blue-600 aria-pressed:bg-blue-50 aria-pressed:font-medium aria-pressed:text-blue-800 dark:aria-pressed:bg-blue-950 dark:aria-pressed:text-blue-200`;

/** One click to the person's own work, or to what nobody has picked up; a second click lets go. */
const ASSIGNEE_TOGGLES = [
  ["me", "Mine"],
  ["unassigned", "Unassigned"],
] as const;

interface QueueFilterBarProps {
  reportDates: string[];
  organizations: string[];
  users: UserSummary[];
  /** The overview's card filters, shown as removable chips (rendered on the server). */
  children?: ReactNode;
}

/** A text box's own value, following the URL's (back, forward) except while the person types in it. */
function useBoxFollowingUrl(urlValue: string) {
  const [value, setValue] = useState(urlValue);
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (document.activeElement !== ref.current) setValue(urlValue);
  }, [urlValue]);
  return [value, setValue, ref] as const;
}

/** A compact bar of filters that apply at once; every one lands in the URL, so a queue can be shared or saved. */
export function QueueFilterBar({ reportDates, organizations, users, children }: QueueFilterBarProps) {
  const format = useFormat();
  const [pending, startTransition] = useTransition();
  const [filters, setFilters] = useQueryStates(queueUrlState, { shallow: false, startTransition, history: "push" });
  const [search, setSearch, searchRef] = useBoxFollowingUrl(filters.q);
  const [minDays, setMinDays, minDaysRef] = useBoxFollowingUrl(String(filters.minDays ?? ""));

  type Change = Exclude<Parameters<typeof setFilters>[0], null | ((...args: never[]) => unknown)>;
  // Any change starts the list again at its first page. The status is always written, so the
  // URL never falls back to the bare /variances (which opens the person's default view).
  const apply = (change: Change, options?: Parameters<typeof setFilters>[1]) =>
    setFilters({ status: filters.status, ...change, page: null }, options);
  const toggleAssignee = (value: "me" | "unassigned") => apply({ assignee: filters.assignee === value ? null : value });

  return (
    <search aria-label="Filter variances" aria-busy={pending} className="flex flex-wrap items-center gap-2">
      <label className="relative min-w-0 flex-1 basis-48 sm:max-w-xs">
        <span className="sr-only">Search hostnames</span>
        <input
          ref={searchRef}
          id={QUEUE_SEARCH_ID}
          type="search"
          value={search}
          placeholder="Search hostnames…"
          maxLength={255}
          onChange={(event) => {
            setSearch(event.target.value);
            apply(
              { q: event.target.value.trim() || null },
              { history: "replace", limitUrlUpdates: debounce(SEARCH_DEBOUNCE_MS) },
            );
          }}
          className="h-8 w-full rounded-full border border-gray-300 bg-white pl-3 pr-8 text-sm focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-600/30 dark:border-gray-700 dark:bg-gray-900"
        />
        <kbd className="pointer-events-none absolute right-2.5 top-1.5 hidden rounded border border-gray-300 px-1 text-xs text-gray-500 sm:block dark:border-gray-700 dark:text-gray-400">
          /
        </kbd>
      </label>
      {ASSIGNEE_TOGGLES.map(([value, label]) => (
        <button
          key={value}
          type="button"
          aria-pressed={filters.assignee === value}
          onClick={() => toggleAssignee(value)}
          className={toggleClass}
        >
          {label}
        </button>
      ))}
      <select
        aria-label="Status"
        value={filters.status}
        onChange={(event) => apply({ status: event.target.value as (typeof QUEUE_STATUSES)[number] })}
        className={chipClass}
      >
        <option value="open">Open</option>
        <option value="snoozed">Snoozed</option>
        <option value="resolved">Resolved</option>
        <option value="verified">Verified</option>
        <option value="cleared">Cleared</option>
        <option value="all">Any status</option>
      </select>
      <select
        aria-label="Assignee"
        value={filters.assignee}
        onChange={(event) => apply({ assignee: event.target.value })}
        className={`${chipClass} max-w-36`}
      >
        <option value="anyone">Anyone</option>
        <option value="me">Me</option>
        <option value="unassigned">Unassigned</option>
        {users.map((user) => (
          <option key={user.id} value={user.id}>
            {user.name}
          </option>
        ))}
      </select>
      <select
        aria-label="Organisation"
        value={filters.org}
        onChange={(event) => apply({ org: event.target.value || null })}
        className={`${chipClass} max-w-44`}
      >
        <option value="">All organisations</option>
        {organizations.map((organization) => (
          <option key={organization} value={organization}>
            {organization}
          </option>
        ))}
      </select>
      <select
        aria-label="Report"
        value={filters.date}
        onChange={(event) => apply({ date: event.target.value || null })}
        className={chipClass}
      >
        {/* Unpinned, a bookmarked or shared queue follows each new report. */}
        <option value="">Latest report</option>
        {reportDates.map((date) => (
          <option key={date} value={date}>
            {format.reportDate(date)}
          </option>
        ))}
      </select>
      <select
        aria-label="Sort by"
        value={`${filters.sort}:${filters.dir ?? ""}`}
        onChange={(event) => {
          const [sort, dir] = event.target.value.split(":") as [(typeof QUEUE_SORTS)[number], "asc" | "desc" | ""];
          apply({ sort, dir: dir || null });
        }}
        className={chipClass}
      >
        <option value="days_open:">Longest open</option>
        <option value="days_open:asc">Newest</option>
        <option value="type:">Type</option>
        <option value="organization:">Organisation A–Z</option>
        <option value="hostname:">Hostname A–Z</option>
        <option value="hostname:desc">Hostname Z–A</option>
      </select>
      <details className="relative">
        <summary className={`${chipClass} inline-flex cursor-pointer list-none items-center`}>More filters</summary>
        <div className="absolute right-0 z-30 mt-1 w-64 space-y-3 rounded-lg border border-gray-200 bg-white p-3 shadow-lg sm:left-0 sm:right-auto dark:border-gray-800 dark:bg-gray-900">
          <label className="block text-xs font-medium text-gray-700 dark:text-gray-300">
            Hostname match
            <select
              value={filters.match}
              onChange={(event) => apply({ match: event.target.value as "contains" | "prefix" })}
              className={`${chipClass} mt-1 block w-full`}
            >
              <option value="contains">Contains</option>
              <option value="prefix">Starts with</option>
            </select>
          </label>
          <label className="block text-xs font-medium text-gray-700 dark:text-gray-300">
            Open at least (days)
            <input
              type="number"
              min={0}
              max={36500}
              ref={minDaysRef}
              value={minDays}
              onChange={(event) => {
                setMinDays(event.target.value);
                const days = event.target.valueAsNumber;
                apply(
                  { minDays: Number.isInteger(days) && days >= 0 ? days : null },
                  { history: "replace", limitUrlUpdates: debounce(SEARCH_DEBOUNCE_MS) },
                );
              }}
              className={`${chipClass} mt-1 block w-full`}
            />
          </label>
        </div>
      </details>
      {children}
      <span role="status" className="text-xs text-gray-600 dark:text-gray-400">
        {pending ? "Updating…" : ""}
      </span>
    </search>
  );
}
