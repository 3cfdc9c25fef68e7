import { cache } from "react";
import { assertCan } from "@/lib/access/permissions";
import type { Actor } from "@/lib/access/roles";
import { addDays, type ReportDate, todayUtc } from "@/lib/calendar-date";
import type { Database } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { reportDatesAndStatus } from "@/lib/report-date/report-dates";
import { refreshVarianceHistory } from "@/lib/rollups/variance-rollup";
import { isResolvedStatus } from "./lifecycle";
import { QUEUE_PAGE_SIZE, type QueueFilters } from "./queue-filters";
import { varianceIdsOn } from "./report-variance-ids";
import { type VarianceId, varianceSubjectId } from "./variance-key";
import { loadVarianceRows } from "./variance-rows";
import { toVarianceView, type VarianceView } from "./variance-view";

export interface Queue {
  reportDate: ReportDate | null;
  reportDates: ReportDate[];
  items: VarianceView[];
  /** Matching every filter, before paging. */
  total: number;
  page: number;
  pageCount: number;
  /** Per type, matching every filter but the type (for the tabs). */
  typeCounts: { type: string; count: number }[];
  organizations: string[];
}

/** What the queue sorts a variance by: enough to place it without its details. */
export type QueueSortItem = Pick<VarianceView, "type" | "key" | "hostname" | "organization" | "daysOpen">;

/** What the filters read of a variance. */
type QueueItem = QueueSortItem &
  Pick<VarianceView, "assigneeId" | "rowsOnReport" | "resolvedReportDate"> & {
    lifecycle: Pick<VarianceView["lifecycle"], "status">;
  };

/** What the filters compare a variance with beyond itself: the report shown and, for `newSince`, the variances of that earlier report. */
export interface QueueContext {
  reportDate: ReportDate;
  /** varianceSubjectId of each variance on the `newSince` report; null without that filter. */
  onEarlierReport: ReadonlySet<string> | null;
}

function matchesAssignee(item: QueueItem, assignee: QueueFilters["assignee"], actor: Actor) {
  if (assignee === "anyone") return true;
  if (assignee === "unassigned") return item.assigneeId === null;
  return item.assigneeId === (assignee === "me" ? actor.id : assignee);
}

function matchesHostname(item: QueueItem, q: string | undefined, match: QueueFilters["match"]) {
  if (!q) return true;
  const needle = q.toLowerCase();
  return [item.hostname.toLowerCase(), item.key].some((candidate) =>
    match === "prefix" ? candidate.startsWith(needle) : candidate.includes(needle),
  );
}

/** On the report, and not on the earlier one; nothing is new since a report that is not earlier. */
function matchesNewSince(item: QueueItem, newSince: string | undefined, context: QueueContext) {
  if (!newSince) return true;
  return (
    newSince < context.reportDate && item.rowsOnReport > 0 && !context.onEarlierReport?.has(varianceSubjectId(item))
  );
}

/** Resolved on a report in the `days` up to the report, and not contradicted by it (the lifecycle says resolved or verified). */
function matchesResolvedDays(item: QueueItem, days: number | undefined, context: QueueContext) {
  if (days === undefined) return true;
  return (
    isResolvedStatus(item.lifecycle.status) &&
    item.resolvedReportDate !== null &&
    item.resolvedReportDate > addDays(context.reportDate, -days)
  );
}

const compareBy: Record<QueueFilters["sort"], (a: QueueSortItem, b: QueueSortItem) => number> = {
  days_open: (a, b) => a.daysOpen - b.daysOpen,
  type: (a, b) => a.type.localeCompare(b.type),
  organization: (a, b) => a.organization.localeCompare(b.organization),
  hostname: (a, b) => a.hostname.localeCompare(b.hostname),
};

const defaultDirection: Record<QueueFilters["sort"], "asc" | "desc"> = {
  days_open: "desc",
  type: "asc",
  organization: "asc",
  hostname: "asc",
};

/** What queueSelector needs to know about a report, read in `db` (a transaction, for the export's one snapshot). */
export async function loadQueueContext(
  db: Pick<Prisma.TransactionClient, "$queryRaw">,
  filters: QueueFilters,
  reportDate: ReportDate,
): Promise<QueueContext> {
  const earlier = filters.newSince && filters.newSince < reportDate ? await varianceIdsOn(db, filters.newSince) : null;
  return { reportDate, onEarlierReport: earlier };
}

/** The filters and sort of a queue as functions: the page and the streamed export share them. */
export function queueSelector(filters: QueueFilters, actor: Actor, context: QueueContext) {
  const direction = (filters.dir ?? defaultDirection[filters.sort]) === "asc" ? 1 : -1;
  return {
    /** Every filter but the type (the tabs count by type). */
    matchesButType: (item: QueueItem) =>
      (filters.status === "all" || item.lifecycle.status === filters.status) &&
      matchesAssignee(item, filters.assignee, actor) &&
      (!filters.org || item.organization === filters.org) &&
      matchesHostname(item, filters.q, filters.match) &&
      (filters.minDays === undefined || item.daysOpen >= filters.minDays) &&
      matchesNewSince(item, filters.newSince, context) &&
      matchesResolvedDays(item, filters.resolvedDays, context),
    matchesType: (item: QueueItem) => !filters.type || item.type === filters.type,
    compare: (a: QueueSortItem, b: QueueSortItem) =>
      direction * compareBy[filters.sort](a, b) || a.type.localeCompare(b.type) || a.key.localeCompare(b.key),
  };
}

/** The date asked for when both vendors have rows on it, else the latest matching one. */
const pickReportDate = (filters: QueueFilters, reportDates: ReportDate[], latest: ReportDate | null) =>
  filters.date && reportDates.includes(filters.date) ? filters.date : latest;

/**
 * The report a queue shows: the date asked for when both vendors have rows on it, else the
 * latest matching one. Checks the permission, so an export can refuse before it streams.
 */
export async function queueReportDate(db: Database, actor: Actor, filters: QueueFilters, today: ReportDate) {
  assertCan(actor, "dashboard:read");
  const { status, reportDates } = await reportDatesAndStatus(db, today);
  return { reportDate: pickReportDate(filters, reportDates, status.latestMatchingDate), reportDates };
}

/**
 * Every variance listed on a report, lifecycle derived. Memoised for the request, so the
 * queue, its view counts and the header's "My open" read a report once per page.
 */
const reportVariances = cache(async (db: Database, reportDate: ReportDate, today: ReportDate) => {
  await refreshVarianceHistory(db, reportDate); // writes: the rollup catches up with the checks' rows
  return (await loadVarianceRows(db, reportDate)).map((row) => toVarianceView(row, reportDate, today));
});

/** The variances of `views` (one report's) that the filters select: all but the type, and all, sorted. */
async function selectFrom(
  db: Database,
  actor: Actor,
  filters: QueueFilters,
  reportDate: ReportDate,
  views: VarianceView[],
) {
  const selector = queueSelector(filters, actor, await loadQueueContext(db, filters, reportDate));
  const matchingButType = views.filter(selector.matchesButType);
  return { matchingButType, matching: matchingButType.filter(selector.matchesType).sort(selector.compare) };
}

interface QueueSelection {
  reportDate: ReportDate | null;
  reportDates: ReportDate[];
  /** Every variance listed on the report, before any filter. */
  views: VarianceView[];
  /** Matching every filter but the type (for the tabs). */
  matchingButType: VarianceView[];
  /** Matching every filter, sorted, not paged. */
  matching: VarianceView[];
}

/**
 * The variances of one report that the filters select, in queue order. Lifecycle is derived
 * in TypeScript (lib/variances/lifecycle.ts is the one place its rules live), so filtering
 * and sorting happen here, on the server, over the variances of that report.
 */
async function selectQueue(
  db: Database,
  actor: Actor,
  filters: QueueFilters,
  today: ReportDate,
): Promise<QueueSelection> {
  const { reportDate, reportDates } = await queueReportDate(db, actor, filters, today);
  if (!reportDate) return { reportDate: null, reportDates, views: [], matchingButType: [], matching: [] };
  const views = await reportVariances(db, reportDate, today);
  return { reportDate, reportDates, views, ...(await selectFrom(db, actor, filters, reportDate, views)) };
}

/** How many variances each filter set selects (saved views' and "My open" counts). */
export async function countQueues(
  db: Database,
  actor: Actor,
  filterSets: QueueFilters[],
  today: ReportDate = todayUtc(),
): Promise<number[]> {
  assertCan(actor, "dashboard:read");
  const { status, reportDates } = await reportDatesAndStatus(db, today);
  return Promise.all(
    filterSets.map(async (filters) => {
      const reportDate = pickReportDate(filters, reportDates, status.latestMatchingDate);
      if (!reportDate) return 0;
      const views = await reportVariances(db, reportDate, today);
      return (await selectFrom(db, actor, filters, reportDate, views)).matching.length;
    }),
  );
}

/** Where a variance stands in a queue: its 1-based position and its neighbours, for the variance page's flow. */
export interface QueuePlace {
  position: number;
  total: number;
  previous: VarianceId | null;
  next: VarianceId | null;
}

/** The variance's place in the queue these filters select; null when the queue does not list it (any more). */
export async function queuePlace(
  db: Database,
  actor: Actor,
  filters: QueueFilters,
  variance: VarianceId,
  today: ReportDate = todayUtc(),
): Promise<QueuePlace | null> {
  const { matching } = await selectQueue(db, actor, filters, today);
  const index = matching.findIndex((item) => item.type === variance.type && item.key === variance.key);
  if (index < 0) return null;
  const idOf = (item: VarianceView | undefined) => (item ? { type: item.type, key: item.key } : null);
  return {
    position: index + 1,
    total: matching.length,
    previous: idOf(matching[index - 1]),
    next: idOf(matching[index + 1]),
  };
}

/** The technician's queue for one report: one page of the selection, with counts for the tabs. */
export async function getQueue(
  db: Database,
  actor: Actor,
  filters: QueueFilters,
  today: ReportDate = todayUtc(),
): Promise<Queue> {
  const { reportDate, reportDates, views, matchingButType, matching } = await selectQueue(db, actor, filters, today);
  if (!reportDate)
    return {
      reportDate: null,
      reportDates,
      items: [],
      total: 0,
      page: 1,
      pageCount: 1,
      typeCounts: [],
      organizations: [],
    };

  const counts = new Map<string, number>();
  for (const item of matchingButType) counts.set(item.type, (counts.get(item.type) ?? 0) + 1);
  const pageCount = Math.max(1, Math.ceil(matching.length / QUEUE_PAGE_SIZE));
  const page = Math.min(filters.page, pageCount);
  return {
    reportDate,
    reportDates,
    items: matching.slice((page - 1) * QUEUE_PAGE_SIZE, page * QUEUE_PAGE_SIZE),
    total: matching.length,
    page,
    pageCount,
    typeCounts: [...counts]
      .map(([type, count]) => ({ type, count }))
      .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type)),
    organizations: [...new Set(views.map((item) => item.organization))].sort((a, b) => a.localeCompare(b)),
  };
}

/** Every variance the queue shows for these filters, across all its pages (the export). */
export async function getQueueVariances(
  db: Database,
  actor: Actor,
  filters: QueueFilters,
  today: ReportDate = todayUtc(),
): Promise<{ reportDate: ReportDate | null; items: VarianceView[] }> {
  const { reportDate, matching } = await selectQueue(db, actor, filters, today);
  return { reportDate, items: matching };
}
