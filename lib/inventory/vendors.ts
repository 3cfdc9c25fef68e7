import type { Database } from "@/lib/db/prisma";

/** Device vendors by their exact current names; the lowercase legacy rows hold no data. */
export const NINJA = "Ninja";
export const THREATLOCKER = "ThreatLocker";
export type DeviceVendorName = typeof NINJA | typeof THREATLOCKER;
export const DEVICE_VENDOR_NAMES: readonly DeviceVendorName[] = [NINJA, THREATLOCKER];

export type DeviceVendorIds = Record<DeviceVendorName, number | null>;

/** Ids differ between installations (guide: Ninja = 3; rebuilt: Ninja = 2), so look them up. */
export async function getDeviceVendorIds(db: Database): Promise<DeviceVendorIds> {
  const rows = await db.vendor.findMany({
    where: { name: { in: [...DEVICE_VENDOR_NAMES] } },
    select: { id: true, name: true },
  });
  const idOf = (name: DeviceVendorName) => rows.find((row) => row.name === name)?.id ?? null;
  return { [NINJA]: idOf(NINJA), [THREATLOCKER]: idOf(THREATLOCKER) };
}
