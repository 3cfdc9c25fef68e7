import { assertCan } from "@/lib/access/permissions";
import type { Actor } from "@/lib/access/roles";
import type { ReportDate } from "@/lib/calendar-date";
import type { Database } from "@/lib/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";
import { NETBIOS_LENGTH } from "@/lib/inventory/hostname-key";
import { LATEST_SNAPSHOTS_CTE, SNAPSHOT_KEY_SQL, truncatedNinjaKeySql } from "@/lib/inventory/latest-snapshots-sql";
import { THREATLOCKER } from "@/lib/inventory/vendors";

/** Devices listed per search; more matches are counted and the person is asked to narrow the search. */
export const DEVICE_SEARCH_LIMIT = 50;

export interface DeviceSearchRow {
  vendor: string;
  hostname: string;
  displayName: string | null;
  organization: string | null;
  /** A Ninja row found under a longer ThreatLocker key that its 15-character name starts with. */
  truncated: boolean;
}

/** One device: the rows of both vendors that share its canonical key. */
export interface DeviceSearchGroup {
  key: string;
  rows: DeviceSearchRow[];
  truncated: boolean;
}

export interface DeviceSearchResult {
  q: string;
  /** Each vendor's newest snapshot date, the one searched (null when the vendor has no rows). */
  searchedDates: { vendor: string; date: ReportDate | null }[];
  /** Devices matching, before the cap. */
  total: number;
  groups: DeviceSearchGroup[];
}

/** `%` and `_` in what people type are literal characters, not wildcards. */
const containsPattern = (q: string) => `%${q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

interface RawSearchRow {
  device_key: string;
  vendor: string;
  hostname: string;
  display_name: string | null;
  organization: string | null;
  truncated: boolean;
  total: number;
}

/**
 * Devices whose hostname or display name contains `q` (any case) on each vendor's newest
 * snapshot date, grouped by the variance queue's canonical key. A Ninja row whose key is a
 * 15-character NetBIOS name is grouped under every longer ThreatLocker key it starts with,
 * and flagged as truncated. Exact and prefix key matches come first.
 */
export async function searchDevices(
  db: Database,
  actor: Actor,
  q: string,
  limit = DEVICE_SEARCH_LIMIT,
): Promise<DeviceSearchResult> {
  assertCan(actor, "dashboard:read");
  const needle = q.trim();
  const pattern = containsPattern(needle);
  const lowered = needle.toLowerCase();
  const [dates, rows] = await Promise.all([
    db.$queryRaw<{ vendor: string; date: string | null }[]>`
      WITH ${LATEST_SNAPSHOTS_CTE} SELECT vendor, date::text AS date FROM latest ORDER BY vendor`,
    // Narrow rows (id, vendor, key, whether it matches) for the whole snapshot; the wide
    // columns are read by id for the listed devices only.
    db.$queryRaw<RawSearchRow[]>`
      WITH ${LATEST_SNAPSHOTS_CTE},
      snapshot AS (
        SELECT s.id, l.vendor, ${SNAPSHOT_KEY_SQL} AS key, (s.hostname ILIKE ${pattern} OR s.display_name ILIKE ${pattern}) AS hit
        FROM latest l JOIN device_snapshot s ON s.vendor_id = l.vendor_id AND s.snapshot_date = l.date
        WHERE s.hostname IS NOT NULL
      ),
      long_threatlocker AS (
        SELECT DISTINCT key FROM snapshot WHERE vendor = ${THREATLOCKER} AND length(key) > ${NETBIOS_LENGTH}
      ),
      grouped AS (
        SELECT r.id, r.vendor, r.hit, coalesce(t.key, r.key) AS device_key, t.key IS NOT NULL AS truncated
        FROM snapshot r LEFT JOIN long_threatlocker t ON ${truncatedNinjaKeySql(Prisma.raw("r.vendor"), Prisma.raw("r.key"), Prisma.raw("t.key"))}
        WHERE r.key <> ''
      ),
      matched AS (
        SELECT device_key, count(*) OVER ()::int AS total,
               row_number() OVER (ORDER BY device_key = ${lowered} DESC, starts_with(device_key, ${lowered}) DESC, device_key) AS rank
        FROM grouped
        GROUP BY device_key
        HAVING bool_or(hit)
        ORDER BY rank
        LIMIT ${limit}
      )
      SELECT m.device_key, g.vendor, s.hostname, s.display_name, s.organization_name AS organization, g.truncated, m.total
      FROM matched m JOIN grouped g USING (device_key) JOIN device_snapshot s ON s.id = g.id
      ORDER BY m.rank, g.vendor, s.hostname`,
  ]);

  // Rows arrive in the SQL's device order; a Map keeps it.
  const groups = new Map<string, DeviceSearchGroup>();
  for (const row of rows) {
    let group = groups.get(row.device_key);
    if (!group) {
      group = { key: row.device_key, rows: [], truncated: false };
      groups.set(row.device_key, group);
    }
    group.rows.push({
      vendor: row.vendor,
      hostname: row.hostname,
      displayName: row.display_name,
      organization: row.organization,
      truncated: row.truncated,
    });
    group.truncated ||= row.truncated;
  }
  return {
    q: needle,
    searchedDates: dates,
    total: rows[0]?.total ?? 0,
    groups: [...groups.values()],
  };
}
