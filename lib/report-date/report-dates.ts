import type { ReportDate } from "@/lib/calendar-date";
import type { Database } from "@/lib/db/prisma";
import type { VendorDayCount } from "@/lib/inventory/vendor-day-counts";
import { DEVICE_VENDOR_NAMES } from "@/lib/inventory/vendors";
import { refreshedVendorDayCounts } from "@/lib/rollups/refreshed-vendor-day-counts";
import { type ReportStatus, reportStatusOf } from "./report-status";

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

export const reportDatesWithBothVendors = async (db: Database): Promise<ReportDate[]> =>
  datesWithBothVendors(await refreshedVendorDayCounts(db));

/** The reports a person may look at and the current one's status, from one read of the device rollup (the queue needs both). */
export async function reportDatesAndStatus(
  db: Database,
  today: ReportDate,
): Promise<{ reportDates: ReportDate[]; status: ReportStatus }> {
  const counts = await refreshedVendorDayCounts(db);
  return { reportDates: datesWithBothVendors(counts), status: reportStatusOf(counts, today) };
}
