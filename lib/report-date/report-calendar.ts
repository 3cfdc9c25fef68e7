import { addDays, type ReportDate } from "@/lib/calendar-date";
import type { Database } from "@/lib/db/prisma";
import type { VendorDayCount } from "@/lib/inventory/vendor-day-counts";
import { DEVICE_VENDOR_NAMES, getDeviceVendorIds } from "@/lib/inventory/vendors";
import { refreshDeviceRollup } from "@/lib/rollups/device-rollup";
import { type CollectionFailure, collectionFailures, trustworthyReportDates } from "./collection-failures";

/** How much earlier a figure is compared with, in days. */
export const COMPARISON_DAYS = 7;

/**
 * The device counts of a stretch of dates and what they say about the reports in it:
 * which dates are trustworthy reports and which collections failed.
 */
export interface ReportCalendar {
  counts: VendorDayCount[];
  /** Both vendors collected and neither failed, oldest first. */
  reports: ReportDate[];
  failures: CollectionFailure[];
}

/** The counts come with the device rollup's freshness check, which brings the rollup up to date on the way. */
export async function loadReportCalendar(db: Database, from: ReportDate, to: ReportDate): Promise<ReportCalendar> {
  const [ids, rows] = await Promise.all([getDeviceVendorIds(db), refreshDeviceRollup(db, from, to)]);
  const counts = rows.flatMap((row): VendorDayCount[] => {
    const vendor = DEVICE_VENDOR_NAMES.find((name) => ids[name] === row.vendorId);
    return vendor ? [{ date: row.date, vendor, devices: row.devices }] : [];
  });
  return {
    counts,
    reports: trustworthyReportDates(counts, DEVICE_VENDOR_NAMES),
    failures: collectionFailures(counts, DEVICE_VENDOR_NAMES),
  };
}

/** The newest trustworthy report strictly before `date`. */
export const reportBefore = (calendar: ReportCalendar, date: ReportDate) =>
  calendar.reports.findLast((report) => report < date) ?? null;

/** The report compared with: the newest trustworthy report at least COMPARISON_DAYS before `date`. */
export const comparisonReport = (calendar: ReportCalendar, date: ReportDate) =>
  reportBefore(calendar, addDays(date, -COMPARISON_DAYS + 1));
