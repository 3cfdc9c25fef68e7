import { Prisma } from "@/lib/generated/prisma/client";
import { NETBIOS_LENGTH } from "./hostname-key";
import { hostnameKeySql } from "./hostname-key-sql";
import { NINJA, THREATLOCKER } from "./vendors";

/**
 * SQL shared by the device lookup. Each vendor is read on its own newest snapshot date, so a
 * vendor whose collection is late or failed still shows its last known rows; looking the
 * vendors up by name keeps every installation's ids out of the code.
 */

/** CTE `latest(vendor_id, vendor, date)`: each device vendor's newest snapshot date (an index scan per vendor). */
export const LATEST_SNAPSHOTS_CTE = Prisma.sql`latest AS (
  SELECT v.id AS vendor_id, v.name AS vendor,
         (SELECT max(d.snapshot_date) FROM device_snapshot d WHERE d.vendor_id = v.id) AS date
  FROM vendor v WHERE v.name IN (${NINJA}, ${THREATLOCKER}))`;

/** The canonical key of a `device_snapshot` row aliased `s` (the variance queue's key). */
export const SNAPSHOT_KEY_SQL = hostnameKeySql(Prisma.raw("s.hostname"));

/**
 * A Ninja row whose key is the 15-character NetBIOS name that the longer key `fullKey` starts
 * with: Ninja fell back to it because the DNS name was missing (reference §4), so it is the
 * same machine even though the checks' full-key match misses it.
 */
export const truncatedNinjaKeySql = (vendor: Prisma.Sql, rowKey: Prisma.Sql, fullKey: Prisma.Sql) =>
  Prisma.sql`(${vendor} = ${NINJA} AND length(${rowKey}) = ${NETBIOS_LENGTH} AND length(${fullKey}) > ${NETBIOS_LENGTH} AND left(${fullKey}, ${NETBIOS_LENGTH}) = ${rowKey})`;
