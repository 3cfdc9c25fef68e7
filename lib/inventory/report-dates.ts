import type { Database } from "@/lib/db/prisma";
import { refreshDeviceRollup } from "@/lib/reports/rollups/device-rollup";
import { DEVICE_VENDOR_NAMES, getDeviceVendorIds } from "./vendors";
import type { ReportDate } from "./report-date";

/**
 * Dates on which both Ninja and ThreatLocker have rows: the reports a person may look at.
 * Read from the device rollup (brought up to date on the way) rather than by grouping every
 * snapshot row of the whole history, which took seconds at 5,000 devices per vendor.
 */
export async function reportDatesWithBothVendors(db: Database): Promise<ReportDate[]> {
  const [ids, [range]] = await Promise.all([
    getDeviceVendorIds(db),
    db.$queryRaw<{ first: string | null; last: string | null }[]>`
      SELECT min(snapshot_date)::text AS first, max(snapshot_date)::text AS last FROM device_snapshot`,
  ]);
  if (!range?.first || !range.last) return [];
  const vendorIds = DEVICE_VENDOR_NAMES.map((name) => ids[name] ?? -1);
  const vendorsByDate = new Map<ReportDate, Set<number>>();
  for (const row of await refreshDeviceRollup(db, range.first, range.last)) {
    if (!vendorIds.includes(row.vendorId)) continue;
    vendorsByDate.set(row.date, (vendorsByDate.get(row.date) ?? new Set()).add(row.vendorId));
  }
  return [...vendorsByDate]
    .filter(([, vendors]) => vendors.size === vendorIds.length)
    .map(([date]) => date)
    .sort()
    .reverse();
}
