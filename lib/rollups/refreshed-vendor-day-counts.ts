import { addDays, type ReportDate } from "@/lib/calendar-date";
import type { Database } from "@/lib/db/prisma";
import type { VendorDayCount } from "@/lib/inventory/vendor-day-counts";
import { DEVICE_VENDOR_NAMES, getDeviceVendorIds } from "@/lib/inventory/vendors";
import { refreshDeviceRollup } from "./device-rollup";

/**
 * Ninja's and ThreatLocker's devices per date, read from the device rollup (brought up to date
 * on the way) rather than by grouping snapshot rows: over the whole history, or the newest
 * `recentDays` days before the newest date. Dates without rows are absent.
 */
export async function refreshedVendorDayCounts(db: Database, recentDays?: number): Promise<VendorDayCount[]> {
  const ids = await getDeviceVendorIds(db);
  const vendorById = new Map(
    DEVICE_VENDOR_NAMES.flatMap((name) => (ids[name] === null ? [] : [[ids[name], name] as const])),
  );
  if (vendorById.size === 0) return [];
  const [range] = await db.$queryRaw<{ first: ReportDate | null; last: ReportDate | null }[]>`
    SELECT min(snapshot_date)::text AS first, max(snapshot_date)::text AS last FROM device_snapshot
    WHERE vendor_id = ANY(${[...vendorById.keys()]}::int[])`;
  if (!range?.first || !range.last) return [];
  const from = recentDays === undefined ? range.first : addDays(range.last, -recentDays);
  return (await refreshDeviceRollup(db, from, range.last)).flatMap(({ date, vendorId, devices }) => {
    const vendor = vendorById.get(vendorId);
    return vendor ? [{ date, vendor, devices }] : [];
  });
}
