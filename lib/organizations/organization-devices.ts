import type { ReportDate } from "@/lib/calendar-date";
import { presentOptionalColumns } from "@/lib/db/optional-columns";
import type { Database } from "@/lib/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";
import { deviceLocationSql } from "@/lib/inventory/device-location-sql";
import { ES_SPARE_LOCATION } from "@/lib/inventory/es-spare";
import { NETBIOS_LENGTH } from "@/lib/inventory/hostname-key";
import { hostnameKeySql } from "@/lib/inventory/hostname-key-sql";
import { ORGANIZATION_NAME_SQL } from "@/lib/inventory/snapshot-organization";
import {
  DEVICE_VENDOR_NAMES,
  type DeviceVendorName,
  getDeviceVendorIds,
  NINJA,
  THREATLOCKER,
} from "@/lib/inventory/vendors";

/** Devices filed under one organisation name, as one vendor spells it, on one date. */
export interface OrganizationNameCount {
  vendor: DeviceVendorName;
  name: string;
  devices: number;
  /** Ninja only: billed as spare, outside ES Spare, yet present in ThreatLocker (a wasted license). */
  spareLicensed: number;
}

/**
 * Devices per vendor and organisation name on one date, aggregated in SQL (a few rows per
 * organisation, however large the fleet). Names are matched into organisations afterwards,
 * in TypeScript (organization-name.ts), because the normalised form lives in one function.
 *
 * "Spare still licensed": Ninja's billing status (joined on its code, never its id) is
 * `spare`, the device is not in ES Spare (kept in ThreatLocker on purpose, reference §4; its
 * location as deviceLocationSql reads it),
 * and ThreatLocker has a device of the same canonical key that day — or, for a Ninja name
 * cut at the 15-character NetBIOS limit, one whose key starts with it.
 */
export async function organizationNameCounts(db: Database, date: ReportDate): Promise<OrganizationNameCount[]> {
  const ids = await getDeviceVendorIds(db);
  const ninjaId = ids[NINJA] ?? -1;
  const threatlockerId = ids[THREATLOCKER] ?? -1;
  const location = deviceLocationSql(await presentOptionalColumns(db), "s");
  const rows = await db.$queryRaw<{ vendor_id: number; name: string; devices: number; spare_licensed: number }[]>`
    WITH day AS (
      SELECT s.vendor_id, ${ORGANIZATION_NAME_SQL(Prisma.raw("s.organization_name"))} AS name,
             -- Only a spare's location matters; CASE keeps the site lookup off the other rows.
             CASE WHEN b.code = 'spare' THEN ${location} END AS location_name, b.code AS billing, ${hostnameKeySql(Prisma.raw("s.hostname"))} AS key
      FROM device_snapshot s LEFT JOIN billing_status b ON b.id = s.billing_status_id
      WHERE s.snapshot_date = ${date}::date AND s.vendor_id IN (${ninjaId}, ${threatlockerId})
    ),
    threatlocker_keys AS (
      SELECT DISTINCT key, left(key, ${NETBIOS_LENGTH}) AS netbios FROM day WHERE vendor_id = ${threatlockerId}
    ),
    -- Ninja hostname keys that ThreatLocker also has on the day: one hash join on the NetBIOS
    -- name, where a test per device row would scan every ThreatLocker key again.
    licensed_keys AS (
      SELECT DISTINCT d.key FROM day d
      JOIN threatlocker_keys t ON t.netbios = left(d.key, ${NETBIOS_LENGTH}) AND (t.key = d.key OR length(d.key) = ${NETBIOS_LENGTH})
      WHERE d.vendor_id = ${ninjaId}
    ),
    flagged AS (
      SELECT d.vendor_id, d.name,
             d.vendor_id = ${ninjaId} AND d.billing = 'spare'
               AND lower(btrim(coalesce(d.location_name, ''))) <> lower(${ES_SPARE_LOCATION})
               AND d.key IN (SELECT key FROM licensed_keys) AS spare_licensed
      FROM day d
    )
    SELECT vendor_id, name, count(*)::int AS devices, count(*) FILTER (WHERE spare_licensed)::int AS spare_licensed
    FROM flagged GROUP BY vendor_id, name`;
  return rows.flatMap((row) => {
    const vendor = DEVICE_VENDOR_NAMES.find((name) => ids[name] === row.vendor_id);
    return vendor ? [{ vendor, name: row.name, devices: row.devices, spareLicensed: row.spare_licensed }] : [];
  });
}
