import { assertCan } from "@/lib/access/permissions";
import type { Actor } from "@/lib/access/roles";
import { addDays, type ReportDate, todayUtc } from "@/lib/calendar-date";
import { presentOptionalColumns } from "@/lib/db/optional-columns";
import type { Database } from "@/lib/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";
import { deviceLocationSql } from "@/lib/inventory/device-location-sql";
import { devicePath } from "@/lib/inventory/device-path";
import { hostnameKeySql } from "@/lib/inventory/hostname-key-sql";
import { ORGANIZATION_NAME_SQL } from "@/lib/inventory/snapshot-organization";
import { DEVICE_VENDOR_NAMES, getDeviceVendorIds, NINJA } from "@/lib/inventory/vendors";
import { organizationKeyOf, resolveOrganizationKey } from "@/lib/organizations/organization-aliases";
import type { DeviceTrendPoint } from "@/lib/reports/overview-trends";
import { refreshDeviceRollup } from "@/lib/rollups/device-rollup";
import { variancePath } from "@/lib/variances/variance-key";
import { loadOrganizationReport } from "./organization-context";
import type { OrganizationFigures } from "./organization-figures";

export const ORGANIZATION_TREND_DAYS = 90;

export interface OrganizationDeviceRow {
  hostname: string;
  displayName: string | null;
  location: string | null;
  billingStatus: string | null;
  lastOnline: Date | null;
}

/** One device of the organisation, both vendors side by side under its canonical key. */
export interface OrganizationDevice {
  key: string;
  href: string;
  ninja: OrganizationDeviceRow[];
  threatlocker: OrganizationDeviceRow[];
}

export interface OrganizationVariance {
  type: string;
  key: string;
  href: string;
  hostname: string;
  summary: string;
  firstSeen: ReportDate;
  daysOpen: number;
}

export interface OrganizationDetail {
  reportDate: ReportDate;
  figures: OrganizationFigures;
  devices: OrganizationDevice[];
  openVariances: OrganizationVariance[];
  trend: DeviceTrendPoint[];
}

export type OrganizationDetailResult =
  | { kind: "found"; detail: OrganizationDetail }
  /** The name was merged into another organisation: its page is the one to show. */
  | { kind: "merged"; key: string }
  | { kind: "not_found" };

const nameSql = ORGANIZATION_NAME_SQL(Prisma.raw("s.organization_name"));

/** The devices filed under any of `names` on one date, grouped by canonical key. */
async function devicesOf(db: Database, names: string[], date: ReportDate): Promise<OrganizationDevice[]> {
  const location = deviceLocationSql(await presentOptionalColumns(db), "s");
  const rows = await db.$queryRaw<(OrganizationDeviceRow & { vendor: string; key: string })[]>`
    SELECT v.name AS vendor, ${hostnameKeySql(Prisma.raw("s.hostname"))} AS key, s.hostname, s.display_name AS "displayName",
           ${location} AS location, b.code AS "billingStatus", s.last_online AS "lastOnline"
    FROM device_snapshot s
    JOIN vendor v ON v.id = s.vendor_id
    LEFT JOIN billing_status b ON b.id = s.billing_status_id
    WHERE s.snapshot_date = ${date}::date AND v.name = ANY(${[...DEVICE_VENDOR_NAMES]}::text[]) AND ${nameSql} = ANY(${names}::text[])
    ORDER BY key, v.name, s.hostname`;
  const devices = new Map<string, OrganizationDevice>();
  for (const { vendor, key, ...row } of rows) {
    let device = devices.get(key);
    if (!device) {
      device = { key, href: devicePath(key), ninja: [], threatlocker: [] };
      devices.set(key, device);
    }
    (vendor === NINJA ? device.ninja : device.threatlocker).push(row);
  }
  return [...devices.values()];
}

/**
 * Devices per vendor per date for the organisation, from the device rollup (refreshed first).
 * Its spellings may differ on older dates, so the window's distinct names are matched first,
 * then only theirs are summed. A vendor with no rows on a date leaves a gap, never a zero.
 */
async function trendOf(
  db: Database,
  key: string,
  aliases: ReadonlyMap<string, string>,
  end: ReportDate,
): Promise<DeviceTrendPoint[]> {
  const start = addDays(end, -(ORGANIZATION_TREND_DAYS - 1));
  const [ids, vendorDays] = await Promise.all([getDeviceVendorIds(db), refreshDeviceRollup(db, start, end)]);
  const vendorIds = DEVICE_VENDOR_NAMES.map((name) => ids[name] ?? -1);
  const inWindow = Prisma.sql`snapshot_date BETWEEN ${start}::date AND ${end}::date AND vendor_id = ANY(${vendorIds}::int[])`;
  const names = await db.$queryRaw<{ name: string }[]>`
    SELECT DISTINCT organization_name AS name FROM variance_dashboard.device_count_rollup WHERE ${inWindow}`;
  const ours = names.map((row) => row.name).filter((name) => organizationKeyOf(name, aliases) === key);
  const devices = await db.$queryRaw<{ date: string; vendor_id: number; devices: number }[]>`
    SELECT snapshot_date::text AS date, vendor_id, sum(devices)::int AS devices FROM variance_dashboard.device_count_rollup
    WHERE organization_name = ANY(${ours}::text[]) AND ${inWindow}
    GROUP BY 1, 2`;
  const ofOurs = new Map(devices.map((row) => [`${row.date}/${row.vendor_id}`, row.devices]));
  // Every (date, vendor) with rows, so a date on which the vendor has rows but this
  // organisation has none is a real zero, while a date without the vendor stays a gap.
  const counts = vendorDays.map((row) => ({
    date: row.date,
    vendor_id: row.vendorId,
    devices: ofOurs.get(`${row.date}/${row.vendorId}`) ?? 0,
  }));
  const points = new Map<ReportDate, DeviceTrendPoint>(
    Array.from({ length: ORGANIZATION_TREND_DAYS }, (_, offset) => addDays(start, offset)).map((date) => [
      date,
      { date },
    ]),
  );
  for (const row of counts) {
    const vendor = DEVICE_VENDOR_NAMES.find((name) => ids[name] === row.vendor_id);
    const point = points.get(row.date);
    if (vendor && point) point[vendor] = row.devices;
  }
  return [...points.values()];
}

/** Everything `/organizations/[key]` shows, on the latest matching date. */
export async function getOrganizationDetail(
  db: Database,
  actor: Actor,
  requestedKey: string,
  today: ReportDate = todayUtc(),
): Promise<OrganizationDetailResult> {
  assertCan(actor, "dashboard:read");
  const report = await loadOrganizationReport(db, today);
  if (!report) return { kind: "not_found" };
  const key = resolveOrganizationKey(requestedKey, report.aliases);
  const figures = report.organizations.find((organization) => organization.key === key);
  if (!figures) return { kind: "not_found" };
  if (key !== requestedKey) return { kind: "merged", key };

  const names = figures.spellings.map((spelling) => spelling.name);
  const [devices, trend] = await Promise.all([
    devicesOf(db, names, report.reportDate),
    trendOf(db, key, report.aliases, report.reportDate),
  ]);
  return {
    kind: "found",
    detail: {
      reportDate: report.reportDate,
      figures,
      devices,
      openVariances: report.openVariances
        .filter((view) => organizationKeyOf(view.organization, report.aliases) === key)
        .sort((a, b) => b.daysOpen - a.daysOpen || a.type.localeCompare(b.type) || a.key.localeCompare(b.key))
        .map((view) => ({
          type: view.type,
          key: view.key,
          href: variancePath(view),
          hostname: view.hostname,
          summary: view.summary,
          firstSeen: view.firstSeen,
          daysOpen: view.daysOpen,
        })),
      trend,
    },
  };
}
