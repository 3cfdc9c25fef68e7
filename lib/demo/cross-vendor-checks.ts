import { ES_SPARE_LOCATION } from "@/lib/inventory/es-spare";
import { canonicalHostnameKey, netbiosKey } from "@/lib/inventory/hostname-key";
import { organizationMatchKey } from "@/lib/organizations/organization-name";

/**
 * The upstream cross-vendor checks (reference §4–5) as pure functions over one date's
 * snapshot rows, so generated exceptions always agree with generated snapshots.
 * Field names mirror device_snapshot columns.
 */

export interface NinjaCheckRow {
  hostname: string;
  display_name: string | null;
  organization_name: string | null;
  /** Ninja's location, which is also its site's name. */
  location_name: string | null;
  billable_status_name: string | null;
}

export interface ThreatLockerCheckRow {
  hostname: string;
  display_name: string | null;
  organization_name: string | null;
}

export interface MissingNinjaDetails {
  tl_hostname: string;
  tl_canonical_key: string;
  tl_site_name: null;
  tl_org_name: string | null;
  data_quality_issue: boolean;
  original_stored_hostname: string | null;
}

export interface DuplicateTlDetails {
  hostname_base: string;
  count: number;
  duplicate_hostnames: string[];
  sites: null[];
  organizations: string[];
  tl_org_name: string | null;
}

export interface SiteMismatchDetails {
  hostname_base: string;
  tl_hostname: string;
  ninja_hostname: string;
  tl_site: null;
  ninja_site: string | null;
  tl_org: string | null;
  ninja_org: string | null;
}

export interface SpareMismatchDetails {
  hostname_base: string;
  tl_hostname: string;
  ninja_hostname: string;
  ninja_billing_status: string | null;
  tl_site: null;
  ninja_site: string | null;
  tl_org_name: string | null;
  ninja_org_name: string | null;
  note: string;
}

export interface DisplayNameMismatchDetails {
  tl_hostname: string;
  ninja_hostname: string;
  tl_display_name: string | null;
  ninja_display_name: string | null;
  tl_org_name: string | null;
  ninja_org_name: string | null;
  hostname_base: string;
  note: string;
}

export type CheckedException =
  | { type: "MISSING_NINJA"; hostname: string; details: MissingNinjaDetails }
  | { type: "DUPLICATE_TL"; hostname: string; details: DuplicateTlDetails }
  | { type: "SITE_MISMATCH"; hostname: string; details: SiteMismatchDetails }
  | { type: "SPARE_MISMATCH"; hostname: string; details: SpareMismatchDetails }
  | { type: "DISPLAY_NAME_MISMATCH"; hostname: string; details: DisplayNameMismatchDetails };

export type ExceptionType = CheckedException["type"];

export const EXCEPTION_TYPES = [
  "MISSING_NINJA",
  "DUPLICATE_TL",
  "SITE_MISMATCH",
  "SPARE_MISMATCH",
  "DISPLAY_NAME_MISMATCH",
] as const satisfies readonly ExceptionType[];

export const SPARE_MISMATCH_NOTE = "Device marked as spare in Ninja - consider if ThreatLocker cleanup needed";
export const DISPLAY_NAME_MISMATCH_NOTE =
  "Device exists in both systems with same hostname but different display names - consider standardizing display names";

/** All five checks for one date, in the order the upstream job runs them. */
export function crossVendorExceptions(
  ninja: readonly NinjaCheckRow[],
  threatlocker: readonly ThreatLockerCheckRow[],
): CheckedException[] {
  return [
    ...missingNinja(ninja, threatlocker),
    ...duplicateThreatLocker(threatlocker),
    ...siteMismatch(ninja, threatlocker),
    ...spareMismatch(ninja, threatlocker),
    ...displayNameMismatch(ninja, threatlocker),
  ];
}

/** One row per ThreatLocker row whose full key no Ninja row has: every one of them when Ninja is empty. */
export function missingNinja(ninja: readonly NinjaCheckRow[], threatlocker: readonly ThreatLockerCheckRow[]) {
  const ninjaKeys = new Set(ninja.map((row) => canonicalHostnameKey(row.hostname)));
  return threatlocker.flatMap((tl): CheckedException[] => {
    const key = canonicalHostnameKey(tl.hostname);
    if (ninjaKeys.has(key)) return [];
    // A `|` means the collector stored ThreatLocker's computer name ("HOST | user") as the hostname.
    const dataQualityIssue = tl.hostname.includes("|");
    return [
      {
        type: "MISSING_NINJA",
        hostname: key,
        details: {
          tl_hostname: key,
          tl_canonical_key: key,
          tl_site_name: null,
          tl_org_name: tl.organization_name,
          data_quality_issue: dataQualityIssue,
          original_stored_hostname: dataQualityIssue ? tl.hostname : null,
        },
      },
    ];
  });
}

/** One row per full key held by several ThreatLocker rows; "first" is the first in the given order. */
export function duplicateThreatLocker(threatlocker: readonly ThreatLockerCheckRow[]) {
  const byKey = groupBy(threatlocker, (row) => canonicalHostnameKey(row.hostname));
  return [...byKey].flatMap(([key, rows]): CheckedException[] => {
    const [first] = rows;
    if (!first || rows.length < 2) return [];
    const organizations = rows.flatMap((row) => (row.organization_name === null ? [] : [row.organization_name]));
    return [
      {
        type: "DUPLICATE_TL",
        hostname: first.hostname,
        details: {
          hostname_base: key,
          count: rows.length,
          duplicate_hostnames: rows.map((row) => row.hostname),
          sites: rows.map(() => null),
          organizations,
          tl_org_name: organizations[0] ?? null,
        },
      },
    ];
  });
}

/**
 * ThreatLocker has no sites, so comparing site names literally (null against Ninja's
 * location) would flag every matched device, yet live data shows ~0 per date. The only
 * placement ThreatLocker records is the client organisation, so the rule used here is:
 * a pair matched on the 15-character key is a SITE_MISMATCH when the two vendors file
 * the device under different clients, i.e. their organisation names still differ after
 * `organizationMatchKey` absorbs the usual spelling differences ("Acme" vs "Acme, LLC").
 * It happens when a device moves between clients and one vendor lags behind.
 */
export function siteMismatch(ninja: readonly NinjaCheckRow[], threatlocker: readonly ThreatLockerCheckRow[]) {
  return pairsOnNetbiosKey(ninja, threatlocker).flatMap(({ key, tl, ninja: n }): CheckedException[] => {
    if (tl.organization_name === null || n.organization_name === null) return [];
    if (organizationMatchKey(tl.organization_name) === organizationMatchKey(n.organization_name)) return [];
    return [
      {
        type: "SITE_MISMATCH",
        hostname: tl.hostname,
        details: {
          hostname_base: key,
          tl_hostname: tl.hostname,
          ninja_hostname: n.hostname,
          tl_site: null,
          ninja_site: n.location_name,
          tl_org: tl.organization_name,
          ninja_org: n.organization_name,
        },
      },
    ];
  });
}

/** A pair matched on the 15-character key whose Ninja side is a spare outside `ES Spare`: a wasted license. */
export function spareMismatch(ninja: readonly NinjaCheckRow[], threatlocker: readonly ThreatLockerCheckRow[]) {
  return pairsOnNetbiosKey(ninja, threatlocker).flatMap(({ key, tl, ninja: n }): CheckedException[] => {
    if (!isNinjaSpare(n) || isInEsSpare(n.location_name)) return [];
    return [
      {
        type: "SPARE_MISMATCH",
        hostname: tl.hostname,
        details: {
          hostname_base: key,
          tl_hostname: tl.hostname,
          ninja_hostname: n.hostname,
          ninja_billing_status: n.billable_status_name,
          tl_site: null,
          ninja_site: n.location_name,
          tl_org_name: tl.organization_name,
          ninja_org_name: n.organization_name,
          note: SPARE_MISMATCH_NOTE,
        },
      },
    ];
  });
}

/**
 * One row per pair matched on the full key whose display names differ, ignoring case and
 * surrounding spaces. ThreatLocker shows the hostname when nobody named the computer, so an
 * empty Ninja name against a ThreatLocker name equal to its hostname is not a mismatch.
 */
export function displayNameMismatch(ninja: readonly NinjaCheckRow[], threatlocker: readonly ThreatLockerCheckRow[]) {
  const ninjaByKey = groupBy(ninja, (row) => canonicalHostnameKey(row.hostname));
  return threatlocker.flatMap((tl) => {
    const key = canonicalHostnameKey(tl.hostname);
    const tlName = comparableName(tl.display_name);
    return (ninjaByKey.get(key) ?? []).flatMap((n): CheckedException[] => {
      const ninjaName = comparableName(n.display_name);
      if (tlName === ninjaName) return [];
      if (ninjaName === "" && tlName === comparableName(tl.hostname)) return [];
      return [
        {
          type: "DISPLAY_NAME_MISMATCH",
          hostname: key,
          details: {
            tl_hostname: tl.hostname,
            ninja_hostname: n.hostname,
            tl_display_name: tl.display_name,
            ninja_display_name: n.display_name,
            tl_org_name: tl.organization_name,
            ninja_org_name: n.organization_name,
            hostname_base: key,
            note: DISPLAY_NAME_MISMATCH_NOTE,
          },
        },
      ];
    });
  });
}

/**
 * Ninja's spare rule (§4): the display name or location mentions "spare". The Ninja
 * collector derives billing status from the same rule, so a `spare` billing status counts too.
 */
export function isNinjaSpare(row: Pick<NinjaCheckRow, "display_name" | "location_name" | "billable_status_name">) {
  return row.billable_status_name === "spare" || mentionsSpare(row.display_name) || mentionsSpare(row.location_name);
}

export function mentionsSpare(text: string | null): boolean {
  return text !== null && /spare/i.test(text);
}

export function isInEsSpare(locationName: string | null): boolean {
  return locationName?.trim().toLowerCase() === ES_SPARE_LOCATION.toLowerCase();
}

function comparableName(name: string | null): string {
  return (name ?? "").trim().toLowerCase();
}

function pairsOnNetbiosKey(ninja: readonly NinjaCheckRow[], threatlocker: readonly ThreatLockerCheckRow[]) {
  const ninjaByKey = groupBy(ninja, (row) => netbiosKey(row.hostname));
  return threatlocker.flatMap((tl) => {
    const key = netbiosKey(tl.hostname);
    return (ninjaByKey.get(key) ?? []).map((n) => ({ key, tl, ninja: n }));
  });
}

function groupBy<T>(rows: readonly T[], keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}
