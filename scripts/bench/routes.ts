import type { Actor } from "@/lib/access/roles";
import { activeUsers } from "@/lib/auth/user-directory";
import { todayUtc } from "@/lib/calendar-date";
import type { Database } from "@/lib/db/prisma";
import { getDeviceDetail } from "@/lib/devices/device-detail";
import { searchDevices } from "@/lib/devices/device-search";
import { getDataHealth } from "@/lib/health/data-health";
import { devicePath } from "@/lib/inventory/device-path";
import { parseOrganizationFilters } from "@/lib/organizations/organization-filters";
import { getOrganizationSummary } from "@/lib/organizations/organization-summary";
import { getOverviewHeadline } from "@/lib/reports/overview-headline";
import { getOverviewTrends } from "@/lib/reports/overview-trends";
import { getVarianceAgeing } from "@/lib/reports/variance-ageing";
import { deviceSummary, exceptionStats, listExceptions } from "@/lib/variances/exceptions-api";
import { getQueue, getQueueVariances } from "@/lib/variances/queue";
import { QUEUE_PAGE_SIZE, type QueueFilters, queueFiltersSchema, queueQuery } from "@/lib/variances/queue-filters";
import { getVarianceDetail } from "@/lib/variances/variance-detail";
import { variancePath } from "@/lib/variances/variance-key";
import { listViews } from "@/lib/views/list-views";

/** Concrete pages to measure, picked from the tier's own data. */
export interface BenchTargets {
  reportDate: string;
  queuePage: number;
  organization: string;
  variance: { type: string; key: string };
  deviceKey: string;
  deviceSearch: string;
}

export interface BenchRoute {
  name: string;
  path: string;
  /** A page (HTML, with first-load JavaScript) rather than a JSON or file answer. */
  page: boolean;
  /** The same lib calls the route makes, without HTTP or rendering: its data floor. */
  data: (db: Database, actor: Actor) => Promise<unknown>;
}

const queueFilters = (filters: Partial<QueueFilters>) => queueFiltersSchema.parse(filters);
// Every dashboard page's layout reads the data-health banner.
const withLayout = (db: Database, actor: Actor, ...reads: Promise<unknown>[]) =>
  Promise.all([getDataHealth(db, actor), ...reads]);
const queueData = (filters: Partial<QueueFilters>) => (db: Database, actor: Actor) =>
  withLayout(db, actor, getQueue(db, actor, queueFilters(filters)), activeUsers(db, actor), listViews(db, actor));

export async function pickTargets(db: Database, actor: Actor): Promise<BenchTargets> {
  const { reportDate, items } = await getQueueVariances(db, actor, queueFilters({}));
  const first = items[0];
  if (!reportDate || !first) throw new Error("the tier has no open variances to measure");
  const byOrganization = new Map<string, number>();
  for (const item of items) byOrganization.set(item.organization, (byOrganization.get(item.organization) ?? 0) + 1);
  const organization = [...byOrganization.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? first.organization;
  const hostname = first.hostname.toLowerCase();
  return {
    reportDate,
    // Page 20 where the tier's queue is that long (tier L), else its last page.
    queuePage: Math.min(20, Math.ceil(items.length / QUEUE_PAGE_SIZE)),
    organization,
    variance: { type: first.type, key: first.key },
    deviceKey: first.key,
    deviceSearch: hostname.slice(0, Math.max(3, Math.floor(hostname.length / 2))),
  };
}

export function benchRoutes(targets: BenchTargets): BenchRoute[] {
  const today = todayUtc();
  const { reportDate } = targets;
  return [
    {
      name: "overview (90 days)",
      path: "/?window=90",
      page: true,
      data: (db, actor) =>
        withLayout(
          db,
          actor,
          getOverviewHeadline(db, actor, reportDate, today),
          getOverviewTrends(db, actor, reportDate, 90, today),
          getVarianceAgeing(db, actor, reportDate, today),
        ),
    },
    { name: "queue, page 1", path: "/variances", page: true, data: queueData({}) },
    {
      name: `queue, page ${targets.queuePage}`,
      path: `/variances${queueQuery({ page: targets.queuePage })}`,
      page: true,
      data: queueData({ page: targets.queuePage }),
    },
    {
      name: "queue, one organisation",
      path: `/variances${queueQuery({ org: targets.organization })}`,
      page: true,
      data: queueData({ org: targets.organization }),
    },
    {
      name: "variance page",
      path: variancePath(targets.variance),
      page: true,
      data: (db, actor) =>
        withLayout(db, actor, getVarianceDetail(db, actor, targets.variance), activeUsers(db, actor)),
    },
    {
      name: "organisations",
      path: "/organizations",
      page: true,
      data: (db, actor) => withLayout(db, actor, getOrganizationSummary(db, actor, parseOrganizationFilters({}))),
    },
    {
      name: "device search",
      path: `/devices?q=${encodeURIComponent(targets.deviceSearch)}`,
      page: true,
      data: (db, actor) => withLayout(db, actor, searchDevices(db, actor, targets.deviceSearch)),
    },
    {
      name: "device page",
      path: devicePath(targets.deviceKey),
      page: true,
      data: (db, actor) => withLayout(db, actor, getDeviceDetail(db, actor, targets.deviceKey)),
    },
    {
      name: "API exceptions",
      path: "/api/exceptions",
      page: false,
      data: (db) => listExceptions(db, { limit: 100, offset: 0 }),
    },
    { name: "API exceptions/stats", path: "/api/exceptions/stats", page: false, data: (db) => exceptionStats(db, {}) },
    { name: "API devices/summary", path: "/api/devices/summary", page: false, data: (db) => deviceSummary(db, {}) },
  ];
}
