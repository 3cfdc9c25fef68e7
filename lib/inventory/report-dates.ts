import type { Database } from "@/lib/db/prisma";
import { DEVICE_VENDOR_NAMES, getDeviceVendorIds } from "./vendors";
import type { ReportDate } from "./report-date";

/** Dates on which both Ninja and ThreatLocker have rows: the reports a person may look at. */
export async function reportDatesWithBothVendors(db: Database): Promise<ReportDate[]> {
  const ids = await getDeviceVendorIds(db);
  const vendorIds = DEVICE_VENDOR_NAMES.map((name) => ids[name] ?? -1);
  const rows = await db.$queryRaw<{ date: string }[]>`
    SELECT snapshot_date::text AS date
    FROM device_snapshot
    WHERE vendor_id = ANY(${vendorIds}::int[])
    GROUP BY snapshot_date
    HAVING count(DISTINCT vendor_id) = ${vendorIds.length}
    ORDER BY snapshot_date DESC`;
  return rows.map((row) => row.date);
}
