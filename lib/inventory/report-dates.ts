import type { Database } from "@/lib/db/prisma";
import { refreshDeviceRollup } from "@/lib/reports/rollups/device-rollup";
import type { VendorDayCount } from "./freshness";
import { reportStatusOf, type ReportStatus } from "./report-status";
import { DEVICE_VENDOR_NAMES, getDeviceVendorIds } from "./vendors";
import type { ReportDate } from "./report-date";

/**
 * Devices per vendor per date over the whole history, read from the device rollup (brought up
 * to date on the way) rather than by grouping every snapshot row, which took seconds at 5,000
 * devices per vendor.
 */
async function vendorDayCounts(db: Database): Promise<VendorDayCount[]> {
  const [ids, [range]] = await Promise.all([
    getDeviceVendorIds(db),
    db.$queryRaw<{ first: string | null; last: string | null }[]>`
      SELECT min(snapshot_date)::text AS first, max(snapshot_date)::text AS last FROM device_snapshot`,
  ]);
  if (!range?.first || !range.last) return [];
  const vendorById = new Map(DEVICE_VENDOR_NAMES.flatMap((name) => (ids[name] === null ? [] : [[ids[name], name] as const])));
  return (await refreshDeviceRollup(db, range.first, range.last)).flatMap(({ date, vendorId, devices }) => {
    const vendor = vendorById.get(vendorId);
    return vendor ? [{ date, vendor, devices }] : [];
  });
}

/** Dates on which both Ninja and ThreatLocker have rows, newest first: the reports a person may look at. */
function datesWithBothVendors(counts: VendorDayCount[]): ReportDate[] {
  const vendorsByDate = new Map<ReportDate, Set<string>>();
  for (const row of counts) vendorsByDate.set(row.date, (vendorsByDate.get(row.date) ?? new Set()).add(row.vendor));
  return [...vendorsByDate]
    .filter(([, vendors]) => vendors.size === DEVICE_VENDOR_NAMES.length)
    .map(([date]) => date)
    .sort()
    .reverse();
}

export const reportDatesWithBothVendors = async (db: Database): Promise<ReportDate[]> => datesWithBothVendors(await vendorDayCounts(db));

/** The reports a person may look at and the current one's status, from one read of the device rollup (the queue needs both). */
export async function reportDatesAndStatus(db: Database, today: ReportDate): Promise<{ reportDates: ReportDate[]; status: ReportStatus }> {
  const counts = await vendorDayCounts(db);
  return { reportDates: datesWithBothVendors(counts), status: reportStatusOf(counts, today) };
}
