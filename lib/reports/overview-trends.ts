import { assertCan } from "@/lib/access/permissions";
import type { Actor } from "@/lib/access/roles";
import { addDays, type ReportDate } from "@/lib/calendar-date";
import type { Database } from "@/lib/db/prisma";
import { DEVICE_VENDOR_NAMES, type DeviceVendorName } from "@/lib/inventory/vendors";
import type { CollectionFailure } from "@/lib/report-date/collection-failures";
import { loadReportCalendar } from "@/lib/report-date/report-calendar";
import type { TrendWindow } from "./trend-window";
import { datedVarianceGroups, isOpenOn } from "./variance-groups";
import { compareVarianceTypes } from "./variance-type-order";

/** Devices per vendor on a date; a vendor without a good collection that day is absent (a gap). */
export interface DeviceTrendPoint extends Partial<Record<DeviceVendorName, number>> {
  date: ReportDate;
}

/** Open variances per type on a trustworthy report; other dates carry no counts (a gap). */
export interface VarianceTrendPoint {
  date: ReportDate;
  open: Record<string, number> | null;
}

export interface OverviewTrends {
  window: TrendWindow;
  devices: DeviceTrendPoint[];
  variances: VarianceTrendPoint[];
  /** Types with an open variance somewhere in the window, in the registry's order. */
  varianceTypes: string[];
  failures: CollectionFailure[];
}

/** Devices per vendor and open variances per type for each date of the window ending at the report. */
export async function getOverviewTrends(
  db: Database,
  actor: Actor,
  reportDate: ReportDate,
  window: TrendWindow,
  today: ReportDate,
): Promise<OverviewTrends> {
  assertCan(actor, "dashboard:read");
  const from = addDays(reportDate, -(window - 1));
  const [calendar, groups] = await Promise.all([
    loadReportCalendar(db, from, reportDate),
    datedVarianceGroups(db, from, reportDate),
  ]);
  const failed = new Set(calendar.failures.map((failure) => `${failure.date}/${failure.vendor}`));
  const reports = new Set(calendar.reports);

  const open = new Map<ReportDate, Record<string, number>>();
  for (const group of groups) {
    if (!reports.has(group.date) || !isOpenOn(group, group.date, today)) continue;
    const counts = open.get(group.date) ?? {};
    counts[group.type] = (counts[group.type] ?? 0) + group.variances;
    open.set(group.date, counts);
  }
  const varianceTypes = [...new Set([...open.values()].flatMap((counts) => Object.keys(counts)))].sort(
    compareVarianceTypes,
  );

  const dates = Array.from({ length: window }, (_, offset) => addDays(from, offset));
  const devices = dates.map((date) => {
    const point: DeviceTrendPoint = { date };
    for (const row of calendar.counts) {
      const vendor = DEVICE_VENDOR_NAMES.find((name) => name === row.vendor);
      if (vendor && row.date === date && row.devices > 0 && !failed.has(`${date}/${vendor}`))
        point[vendor] = row.devices;
    }
    return point;
  });
  const variances = dates.map((date) => ({
    date,
    open: reports.has(date)
      ? Object.fromEntries(varianceTypes.map((type) => [type, open.get(date)?.[type] ?? 0]))
      : null,
  }));
  return { window, devices, variances, varianceTypes, failures: calendar.failures };
}
