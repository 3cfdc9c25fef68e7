import { addDays, type ReportDate, todayUtc } from "@/lib/calendar-date";
import type { Database } from "@/lib/db/prisma";
import type { VendorDayCount } from "@/lib/inventory/vendor-day-counts";
import { DEVICE_VENDOR_NAMES, getDeviceVendorIds } from "@/lib/inventory/vendors";
import { refreshedVendorDayCounts } from "@/lib/rollups/refreshed-vendor-day-counts";
import {
  type Freshness,
  freshnessOf,
  latestMatchingDate,
  MATCHING_LOOKBACK_DAYS,
  type VendorStatus,
  vendorStatuses,
} from "./freshness";

export interface ReportStatus {
  latestMatchingDate: ReportDate | null;
  freshness: Freshness;
  vendors: VendorStatus[];
}

// Wide enough to find each vendor's previous date for the count-drop check.
const STATUS_WINDOW_DAYS = MATCHING_LOOKBACK_DAYS * 2;

/**
 * Devices per vendor per date for the newest dates, grouped straight from device_snapshot: for
 * `db:check`, which may run before the dashboard's schema (and its rollups) exists.
 */
async function recentVendorDayCountsFromSnapshots(db: Database): Promise<VendorDayCount[]> {
  const ids = await getDeviceVendorIds(db);
  const vendorIds = DEVICE_VENDOR_NAMES.map((name) => ids[name]).filter((id): id is number => id !== null);
  if (vendorIds.length === 0) return [];
  const rows = await db.$queryRaw<{ date: string; vendor: string; devices: number }[]>`
    SELECT s.snapshot_date::text AS date, v.name AS vendor, count(*)::int AS devices
    FROM device_snapshot s
    JOIN vendor v ON v.id = s.vendor_id
    WHERE s.vendor_id = ANY(${vendorIds}::int[])
      AND s.snapshot_date >= (SELECT max(snapshot_date) FROM device_snapshot WHERE vendor_id = ANY(${vendorIds}::int[])) - ${STATUS_WINDOW_DAYS}::int
    GROUP BY s.snapshot_date, v.name`;
  return rows;
}

/**
 * Which report is current, how fresh it is, and whether a collection looks broken, from
 * devices per vendor per date (any span that covers the newest STATUS_WINDOW_DAYS).
 */
export function reportStatusOf(counts: VendorDayCount[], today: ReportDate): ReportStatus {
  const newest = counts.reduce<ReportDate | null>((max, row) => (!max || row.date > max ? row.date : max), null);
  const recent = newest ? counts.filter((row) => row.date >= addDays(newest, -STATUS_WINDOW_DAYS)) : [];
  const latest = latestMatchingDate(recent, DEVICE_VENDOR_NAMES);
  return {
    latestMatchingDate: latest,
    freshness: freshnessOf(latest, today),
    vendors: vendorStatuses(recent, DEVICE_VENDOR_NAMES),
  };
}

/** Which report is current, how fresh it is, and whether a collection looks broken (every page's banner). */
export async function getReportStatus(db: Database, today: ReportDate = todayUtc()): Promise<ReportStatus> {
  return reportStatusOf(await refreshedVendorDayCounts(db, STATUS_WINDOW_DAYS), today);
}

/** getReportStatus without the dashboard's rollups, for a database the dashboard has not migrated yet. */
export async function getReportStatusFromSnapshots(
  db: Database,
  today: ReportDate = todayUtc(),
): Promise<ReportStatus> {
  return reportStatusOf(await recentVendorDayCountsFromSnapshots(db), today);
}
