import type { Database } from "@/lib/db/prisma";
import { DEVICE_VENDOR_NAMES, getDeviceVendorIds, type DeviceVendorName } from "@/lib/inventory/vendors";
import { addDays, type ReportDate } from "@/lib/inventory/report-date";

export interface TypeCount {
  type: string;
  count: number;
}

/** Unresolved exception rows of one report date, per type, most numerous first. */
export async function openExceptionsByType(db: Database, date: ReportDate): Promise<TypeCount[]> {
  const rows = await db.exceptions.groupBy({
    by: ["type"],
    where: { date_found: new Date(`${date}T00:00:00Z`), resolved: false },
    _count: { _all: true },
  });
  return rows.map((row) => ({ type: row.type, count: row._count._all })).sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
}

export type DevicesPerVendor = Record<DeviceVendorName, number>;

export interface DeviceTrendPoint extends Partial<DevicesPerVendor> {
  date: ReportDate;
}

/**
 * Devices per vendor per date over `days` dates ending at `end`. A vendor with no rows on
 * a date is left out of that point (a gap in the chart), never drawn as zero.
 */
export async function deviceTrend(db: Database, end: ReportDate, days: number): Promise<DeviceTrendPoint[]> {
  const ids = await getDeviceVendorIds(db);
  const start = addDays(end, -(days - 1));
  const rows = await db.$queryRaw<{ date: string; vendor_id: number; devices: number }[]>`
    SELECT snapshot_date::text AS date, vendor_id, count(*)::int AS devices
    FROM device_snapshot
    WHERE snapshot_date BETWEEN ${start}::date AND ${end}::date
      AND vendor_id = ANY(${DEVICE_VENDOR_NAMES.map((name) => ids[name] ?? -1)}::int[])
    GROUP BY snapshot_date, vendor_id`;
  const points = new Map<ReportDate, DeviceTrendPoint>();
  for (let offset = 0; offset < days; offset++) {
    const date = addDays(start, offset);
    points.set(date, { date });
  }
  for (const row of rows) {
    const vendor = DEVICE_VENDOR_NAMES.find((name) => ids[name] === row.vendor_id);
    const point = points.get(row.date);
    if (vendor && point) point[vendor] = row.devices;
  }
  return [...points.values()];
}

/** Devices per vendor on one date. */
export function devicesOn(trend: DeviceTrendPoint[], date: ReportDate): DevicesPerVendor {
  const point = trend.find((candidate) => candidate.date === date);
  return Object.fromEntries(DEVICE_VENDOR_NAMES.map((name) => [name, point?.[name] ?? 0])) as DevicesPerVendor;
}
