import { daysBetween, type ReportDate } from "@/lib/calendar-date";
import type { VendorDayCount } from "@/lib/inventory/vendor-day-counts";

export type Freshness = "current" | "stale" | "out_of_sync";

/** Days both vendors may be apart before the data counts as out of sync (reference §2). */
export const MATCHING_LOOKBACK_DAYS = 7;

/** A vendor whose count falls under this share of its previous date's most likely failed. */
export const COUNT_DROP_RATIO = 0.5;

/** The newest date, within the look-back window of the newest data, on which every vendor has rows. */
export function latestMatchingDate(counts: VendorDayCount[], vendors: readonly string[]): ReportDate | null {
  const newest = counts.reduce<ReportDate | null>((max, row) => (!max || row.date > max ? row.date : max), null);
  if (!newest) return null;
  const dates = [...new Set(counts.map((row) => row.date))].sort().reverse();
  return (
    dates.find(
      (date) =>
        daysBetween(date, newest) <= MATCHING_LOOKBACK_DAYS &&
        vendors.every((vendor) => counts.some((row) => row.date === date && row.vendor === vendor && row.devices > 0)),
    ) ?? null
  );
}

export function freshnessOf(latestMatching: ReportDate | null, today: ReportDate): Freshness {
  if (!latestMatching) return "out_of_sync";
  return daysBetween(latestMatching, today) <= 1 ? "current" : "stale";
}

export interface VendorStatus {
  vendor: string;
  latestDate: ReportDate | null;
  devices: number;
  previousDate: ReportDate | null;
  previousDevices: number | null;
  /** Under half of the previous date: most likely a failed collection. */
  countDropped: boolean;
  /** No rows on the newest date the other vendor has: collection failed or still running. */
  missingOnNewestDate: boolean;
}

export function vendorStatuses(counts: VendorDayCount[], vendors: readonly string[]): VendorStatus[] {
  const newest = counts.reduce<ReportDate | null>((max, row) => (!max || row.date > max ? row.date : max), null);
  return vendors.map((vendor) => {
    const days = counts
      .filter((row) => row.vendor === vendor && row.devices > 0)
      .sort((a, b) => b.date.localeCompare(a.date));
    const [latest, previous] = days;
    return {
      vendor,
      latestDate: latest?.date ?? null,
      devices: latest?.devices ?? 0,
      previousDate: previous?.date ?? null,
      previousDevices: previous?.devices ?? null,
      countDropped: !!latest && !!previous && latest.devices < previous.devices * COUNT_DROP_RATIO,
      missingOnNewestDate: newest !== null && latest?.date !== newest,
    };
  });
}
