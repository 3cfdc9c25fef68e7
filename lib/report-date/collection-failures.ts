import type { ReportDate } from "@/lib/calendar-date";
import type { VendorDayCount } from "@/lib/inventory/vendor-day-counts";
import { COUNT_DROP_RATIO } from "./freshness";

/**
 * A date on which one vendor's collection most likely failed: it has no rows while another
 * vendor has, or its count fell under COUNT_DROP_RATIO of its last good date (the same rule
 * as the banner's count-drop warning). Such a date's counts and exceptions are not
 * trustworthy, so reports leave it out and mark it instead of drawing a cliff to zero.
 */
export interface CollectionFailure {
  date: ReportDate;
  vendor: string;
  kind: "missing" | "dropped";
  devices: number;
  /** The vendor's count on its last good date before, if any. */
  lastGoodDevices: number | null;
}

export function collectionFailures(counts: readonly VendorDayCount[], vendors: readonly string[]): CollectionFailure[] {
  const devices = new Map(counts.map((row) => [`${row.date}/${row.vendor}`, row.devices]));
  const dates = [...new Set(counts.filter((row) => row.devices > 0).map((row) => row.date))].sort();
  const failures: CollectionFailure[] = [];
  for (const vendor of vendors) {
    let lastGood: number | null = null;
    for (const date of dates) {
      const count = devices.get(`${date}/${vendor}`) ?? 0;
      const kind =
        count === 0 ? "missing" : lastGood !== null && count < lastGood * COUNT_DROP_RATIO ? "dropped" : null;
      if (kind) failures.push({ date, vendor, kind, devices: count, lastGoodDevices: lastGood });
      else lastGood = count;
    }
  }
  return failures.sort((a, b) => a.date.localeCompare(b.date) || a.vendor.localeCompare(b.vendor));
}

/** Dates every vendor collected without a failure: the reports whose figures can be compared. */
export function trustworthyReportDates(counts: readonly VendorDayCount[], vendors: readonly string[]): ReportDate[] {
  const failed = new Set(collectionFailures(counts, vendors).map((failure) => failure.date));
  return [...new Set(counts.map((row) => row.date))].filter((date) => !failed.has(date)).sort();
}
