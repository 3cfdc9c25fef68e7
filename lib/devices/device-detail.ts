import { assertCan } from "@/lib/access/permissions";
import type { Actor } from "@/lib/access/roles";
import { addDays, type ReportDate, todayUtc } from "@/lib/calendar-date";
import {
  absentColumns,
  optionalColumnSql,
  type PresentColumns,
  presentOptionalColumns,
} from "@/lib/db/optional-columns";
import type { Database } from "@/lib/db/prisma";
import type { OptionalColumn } from "@/lib/db/upstream-reads";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DeviceFields } from "@/lib/inventory/device-fields";
import { deviceLocationSql } from "@/lib/inventory/device-location-sql";
import { NETBIOS_LENGTH } from "@/lib/inventory/hostname-key";
import { LATEST_SNAPSHOTS_CTE, SNAPSHOT_KEY_SQL, truncatedNinjaKeySql } from "@/lib/inventory/latest-snapshots-sql";
import { DEVICE_VENDOR_NAMES, THREATLOCKER } from "@/lib/inventory/vendors";
import { getReportStatus } from "@/lib/report-date/report-status";
import { refreshVarianceHistory } from "@/lib/rollups/variance-rollup";
import { missingNinja } from "@/lib/variances/type-registry/missing-ninja";
import { loadVarianceRows } from "@/lib/variances/variance-rows";
import { toVarianceView, type VarianceView } from "@/lib/variances/variance-view";

/** How far back the presence strip reaches, ending at the newest snapshot date of either vendor. */
export const DEVICE_PRESENCE_DAYS = 90;

/** One vendor's row for the device on that vendor's newest snapshot date. Ninja-only and ThreatLocker-only columns are null on the other. */
export interface DeviceSnapshotRow extends DeviceFields {
  key: string;
  hostname: string;
  denyCount1d: number | null;
  denyCount3d: number | null;
  denyCount7d: number | null;
  hasTpm: boolean | null;
  tpmEnabled: boolean | null;
  tpmVersion: string | null;
  secureBootAvailable: boolean | null;
  secureBootEnabled: boolean | null;
  windows11Capable: boolean | null;
  /** A Ninja row whose 15-character NetBIOS name is the start of this device's longer key. */
  truncated: boolean;
}

export interface VendorSnapshot {
  vendor: string;
  /** The vendor's newest snapshot date (null: the vendor has no rows at all). */
  latestDate: ReportDate | null;
  /** Usually one; several when ThreatLocker holds duplicates. Empty: not in this vendor's newest snapshot. */
  rows: DeviceSnapshotRow[];
}

export interface VendorPresence {
  vendor: string;
  days: { date: ReportDate; present: boolean }[];
}

/** The hand-added hardware columns the device page shows; a server without them shows "not collected". */
export const HARDWARE_COLUMNS = [
  "has_tpm",
  "tpm_enabled",
  "tpm_version",
  "secure_boot_available",
  "secure_boot_enabled",
  "windows_11_24h2_capable",
] as const satisfies readonly OptionalColumn<"device_snapshot">[];
export type HardwareColumn = (typeof HARDWARE_COLUMNS)[number];

export interface DeviceDetail {
  key: string;
  vendors: VendorSnapshot[];
  /** Hardware columns this database does not have (its values are NULL in every row). */
  notCollected: HardwareColumn[];
  truncated: boolean;
  presence: VendorPresence[];
  /** The report the variances' status is derived on (the latest matching date); null when there is none. */
  reportDate: ReportDate | null;
  variances: VarianceView[];
  /** For a 15-character key: longer ThreatLocker keys starting with it, where the same machine is listed in full. */
  longerKeys: string[];
  /**
   * Open "missing in Ninja" on a device Ninja lists under its truncated name: the check's
   * full-key match missed it (reference §4), so the fix is Ninja's DNS name, not a new agent.
   */
  falseMissingNinja: boolean;
}

/**
 * Rows of `s` (joined to `latest l`) that belong to the device of `key`. The row's key is
 * either `key` or its 15-character start; saying so as `= ANY(…)` first lets an index on the
 * key expression (prisma/upstream-recommended-indexes.sql) find them without a scan.
 */
const belongsToDevice = (key: string) => {
  const candidates = [...new Set([key, key.slice(0, NETBIOS_LENGTH)])];
  return Prisma.sql`(${SNAPSHOT_KEY_SQL} = ANY(${candidates}::text[]) AND (${SNAPSHOT_KEY_SQL} = ${key} OR ${truncatedNinjaKeySql(Prisma.raw("l.vendor"), SNAPSHOT_KEY_SQL, Prisma.sql`${key}`)}))`;
};

async function latestRows(db: Database, key: string, present: PresentColumns) {
  const hardware = (column: HardwareColumn) => optionalColumnSql(present, "device_snapshot", "s", column);
  const [dates, rows] = await Promise.all([
    db.$queryRaw<
      { vendor: string; date: string | null }[]
    >`WITH ${LATEST_SNAPSHOTS_CTE} SELECT vendor, date::text AS date FROM latest`,
    db.$queryRaw<DeviceSnapshotRow[]>`
      WITH ${LATEST_SNAPSHOTS_CTE}
      SELECT l.vendor, ${SNAPSHOT_KEY_SQL} AS key, s.hostname, s.display_name AS "displayName",
             s.organization_name AS organization, ${deviceLocationSql(present, "s")} AS location, b.code AS "billingStatus",
             s.os_name AS os, s.last_online AS "lastOnline", s.agent_version AS "agentVersion",
             s.security_mode AS "securityMode", s.deny_count_1d AS "denyCount1d", s.deny_count_3d AS "denyCount3d",
             s.deny_count_7d AS "denyCount7d", ${hardware("has_tpm")} AS "hasTpm", ${hardware("tpm_enabled")} AS "tpmEnabled",
             ${hardware("tpm_version")} AS "tpmVersion", ${hardware("secure_boot_available")} AS "secureBootAvailable",
             ${hardware("secure_boot_enabled")} AS "secureBootEnabled", ${hardware("windows_11_24h2_capable")} AS "windows11Capable",
             ${SNAPSHOT_KEY_SQL} <> ${key} AS truncated
      FROM latest l
      JOIN device_snapshot s ON s.vendor_id = l.vendor_id AND s.snapshot_date = l.date
      LEFT JOIN billing_status b ON b.id = s.billing_status_id
      WHERE s.hostname IS NOT NULL AND ${belongsToDevice(key)}
      ORDER BY l.vendor, s.hostname, s.id`,
  ]);
  return DEVICE_VENDOR_NAMES.map(
    (vendor): VendorSnapshot => ({
      vendor,
      latestDate: dates.find((row) => row.vendor === vendor)?.date ?? null,
      rows: rows.filter((row) => row.vendor === vendor),
    }),
  );
}

/** Whether the device has rows on each date of the window, per vendor (same key rule as its latest rows). */
async function presence(db: Database, key: string, end: ReportDate): Promise<VendorPresence[]> {
  const from = addDays(end, -(DEVICE_PRESENCE_DAYS - 1));
  const rows = await db.$queryRaw<{ vendor: string; date: string }[]>`
    WITH ${LATEST_SNAPSHOTS_CTE}
    SELECT DISTINCT l.vendor, s.snapshot_date::text AS date
    FROM latest l JOIN device_snapshot s ON s.vendor_id = l.vendor_id
    WHERE s.snapshot_date BETWEEN ${from}::date AND ${end}::date AND s.hostname IS NOT NULL AND ${belongsToDevice(key)}`;
  return DEVICE_VENDOR_NAMES.map((vendor) => {
    const seen = new Set(rows.filter((row) => row.vendor === vendor).map((row) => row.date));
    return {
      vendor,
      days: Array.from({ length: DEVICE_PRESENCE_DAYS }, (_, offset) => {
        const date = addDays(from, offset);
        return { date, present: seen.has(date) };
      }),
    };
  });
}

/** ThreatLocker keys on its newest date that a 15-character key is the truncated start of. */
async function longerThreatLockerKeys(db: Database, key: string): Promise<string[]> {
  if (key.length !== NETBIOS_LENGTH) return [];
  const rows = await db.$queryRaw<{ key: string }[]>`
    WITH ${LATEST_SNAPSHOTS_CTE}
    SELECT DISTINCT ${SNAPSHOT_KEY_SQL} AS key
    FROM latest l JOIN device_snapshot s ON s.vendor_id = l.vendor_id AND s.snapshot_date = l.date
    WHERE l.vendor = ${THREATLOCKER} AND length(${SNAPSHOT_KEY_SQL}) > ${NETBIOS_LENGTH} AND left(${SNAPSHOT_KEY_SQL}, ${NETBIOS_LENGTH}) = ${key}
    ORDER BY key`;
  return rows.map((row) => row.key);
}

/**
 * Everything the device page shows for one canonical key: each vendor's row on its newest
 * snapshot date, the device's presence per date in both vendors, and its variances with
 * their lifecycle on the latest matching date. Null when neither vendor's newest snapshot
 * has the device.
 */
export async function getDeviceDetail(
  db: Database,
  actor: Actor,
  key: string,
  today: ReportDate = todayUtc(),
): Promise<DeviceDetail | null> {
  assertCan(actor, "dashboard:read");
  const present = await presentOptionalColumns(db);
  const vendors = await latestRows(db, key, present);
  if (vendors.every((vendor) => vendor.rows.length === 0)) return null;
  const end = vendors.reduce<ReportDate>(
    (max, vendor) => (vendor.latestDate && vendor.latestDate > max ? vendor.latestDate : max),
    "",
  );
  const [presenceDays, status, longerKeys] = await Promise.all([
    presence(db, key, end),
    getReportStatus(db, today),
    longerThreatLockerKeys(db, key),
  ]);
  const reportDate = status.latestMatchingDate;
  if (reportDate) await refreshVarianceHistory(db, reportDate); // writes: the rollup catches up with the checks' rows
  const variances = reportDate
    ? (await loadVarianceRows(db, reportDate, { keys: [key] }))
        .map((row) => toVarianceView(row, reportDate, today))
        .sort((a, b) => b.lastSeen.localeCompare(a.lastSeen) || a.type.localeCompare(b.type))
    : [];
  const truncated = vendors.some((vendor) => vendor.rows.some((row) => row.truncated));
  return {
    key,
    vendors,
    notCollected: absentColumns(present, "device_snapshot", HARDWARE_COLUMNS),
    truncated,
    presence: presenceDays,
    reportDate,
    variances,
    longerKeys,
    falseMissingNinja:
      truncated && variances.some((view) => view.type === missingNinja.type && view.lifecycle.status === "open"),
  };
}
