import type { ReportDate } from "@/lib/calendar-date";
import type { Database } from "@/lib/db/prisma";
import { refreshDeviceRollup, type VendorIdDayCount } from "./device-rollup";
import { refreshVarianceRollup } from "./variance-rollup";

/**
 * Brings every rollup up to date for `from`..`to`: a date is recomputed only when the
 * upstream rows under it changed (a collector re-run, a late collection) or it was never
 * computed. Returns the devices per vendor id per date, which the check yields for free.
 */
export async function refreshRollups(db: Database, from: ReportDate, to: ReportDate): Promise<VendorIdDayCount[]> {
  const [devices] = await Promise.all([refreshDeviceRollup(db, from, to), refreshVarianceRollup(db, from, to)]);
  return devices;
}
