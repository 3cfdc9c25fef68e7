import type { Database } from "@/lib/db/prisma";
import { refreshedVendorDayCounts } from "./refreshed-vendor-day-counts";
import { refreshVarianceHistory } from "./variance-rollup";

/**
 * Computes the rollups of every date, at start-up: a first fill of a year at 25,000 devices
 * per vendor takes minutes, which no person's first request should wait for. Later refreshes
 * recompute only the dates whose rows changed.
 */
export async function warmRollups(db: Database): Promise<void> {
  await refreshedVendorDayCounts(db); // the device rollup over the whole history
  await refreshVarianceHistory(db);
}
