import type { ReportDate } from "@/lib/calendar-date";
import type { Database } from "@/lib/db/prisma";
import { DEVICE_VENDOR_NAMES, type DeviceVendorName, getDeviceVendorIds } from "./vendors";

/** Devices a vendor reported on one date. */
export interface VendorDayCount {
  date: ReportDate;
  vendor: string;
  devices: number;
}

/** Devices per vendor per date from `from` to `to` (inclusive), counted in SQL; dates without rows are absent. */
export async function vendorDayCounts(db: Database, from: ReportDate, to: ReportDate): Promise<VendorDayCount[]> {
  const ids = await getDeviceVendorIds(db);
  const rows = await db.$queryRaw<{ date: string; vendor_id: number; devices: number }[]>`
    SELECT snapshot_date::text AS date, vendor_id, count(*)::int AS devices
    FROM device_snapshot
    WHERE snapshot_date BETWEEN ${from}::date AND ${to}::date
      AND vendor_id = ANY(${DEVICE_VENDOR_NAMES.map((name) => ids[name] ?? -1)}::int[])
    GROUP BY snapshot_date, vendor_id`;
  return rows.flatMap((row) => {
    const vendor = DEVICE_VENDOR_NAMES.find((name) => ids[name] === row.vendor_id);
    return vendor ? [{ date: row.date, vendor, devices: row.devices }] : [];
  });
}

export type DevicesPerVendor = Record<DeviceVendorName, number>;

/** Devices per vendor on one date; a vendor without rows counts 0. */
export function devicesOn(counts: readonly VendorDayCount[], date: ReportDate): DevicesPerVendor {
  const on = (vendor: DeviceVendorName) =>
    counts.find((row) => row.date === date && row.vendor === vendor)?.devices ?? 0;
  return Object.fromEntries(DEVICE_VENDOR_NAMES.map((name) => [name, on(name)])) as DevicesPerVendor;
}
