import type { CopyRow } from "./copy-rows";
import { mentionsSpare, type NinjaCheckRow, type ThreatLockerCheckRow } from "./cross-vendor-checks";
import { DAY_MS, toIso } from "./demo-calendar";
import type { DemoDevice, Person, Span } from "./fleet";
import type { DeviceKind } from "./hardware";
import type { DemoOrganization, DemoSite } from "./organizations";
import { Random } from "./random";

/** device_snapshot columns the demo writes (all but the serial id), in table order. */
export const SNAPSHOT_COLUMNS = [
  "snapshot_date",
  "vendor_id",
  "device_identity_id",
  "site_id",
  "device_type_id",
  "billing_status_id",
  "hostname",
  "os_name",
  "created_at",
  "organization_name",
  "display_name",
  "device_status",
  "location_name",
  "device_type_name",
  "billable_status_name",
  "last_online",
  "agent_install_timestamp",
  "organization_id",
  "computer_group",
  "security_mode",
  "deny_count_1d",
  "deny_count_3d",
  "deny_count_7d",
  "install_date",
  "is_locked_out",
  "is_isolated",
  "agent_version",
  "has_checked_in",
  "has_tpm",
  "tpm_enabled",
  "tpm_version",
  "secure_boot_available",
  "secure_boot_enabled",
  "os_architecture",
  "node_class",
  "os_build",
  "os_release_id",
  "windows_11_24h2_capable",
  "windows_11_24h2_deficiencies",
  "volumes",
  "cpu_model",
  "system_manufacturer",
  "system_model",
  "memory_gib",
] as const;

export type SnapshotRow = CopyRow<(typeof SNAPSHOT_COLUMNS)[number]>;
export type NinjaSnapshotRow = SnapshotRow & NinjaCheckRow;
export type ThreatLockerSnapshotRow = SnapshotRow & ThreatLockerCheckRow;

export type BillingCode = "billable" | "spare" | "unknown";

/** Ids of the lookup rows, found by vendor name and by code: they differ between databases. */
export interface LookupIds {
  ninjaVendorId: number;
  threatlockerVendorId: number;
  billingStatus: Record<BillingCode, number>;
  deviceType: Record<DeviceKind, number>;
}

export interface CollectionDay {
  day: number;
  date: string;
  /** Midnight UTC of the first demo date: install times are counted from it. */
  windowStart: number;
  /** When each collector wrote its rows (their created_at). */
  ninjaWrittenAt: number;
  threatlockerWrittenAt: number;
  /** Share of ThreatLocker display names drifted today. */
  driftIntensity: number;
}

/** Each computer's day-by-day values come from its own stream. */
const RANDOM_STREAM = { ninja: 1, threatlocker: 2, threatlockerDuplicate: 3 } as const;

const OLD_AGENT_VERSION = "9.4.3.1843";
const NEW_AGENT_VERSION = "10.1.2.2417";

export function ninjaRow(device: DemoDevice, today: CollectionDay, ids: LookupIds): NinjaSnapshotRow {
  const { hardware, hostname, spare, move } = device;
  const moved = move !== null && today.day >= move.ninjaDay;
  const organization = moved ? move.to : device.organization;
  const spareNow = spare !== null && today.day >= spare.from;
  const location = ninjaSite(device, organization, moved, spareNow);
  const user = userOn(device, today.day, "ninja");
  const displayName =
    spareNow && spare.kind !== "client-site" && user
      ? spareDisplayName(hostname, user)
      : device.namedInNinja && user
        ? namedDisplayName(hostname, user)
        : "";
  // The Ninja collector's rule (reference §4): "spare" in the display name or location.
  const billing: BillingCode =
    device.kind === "unknown"
      ? "unknown"
      : mentionsSpare(displayName) || mentionsSpare(location.name)
        ? "spare"
        : "billable";
  const random = Random.derive(device.seed, today.day, RANDOM_STREAM.ninja);
  const online = !spareNow && random.chance(device.kind === "server" ? 0.99 : 0.86);
  const installed = installedAt(device, device.ninja, today);
  return {
    snapshot_date: today.date,
    vendor_id: ids.ninjaVendorId,
    device_identity_id: device.identities.ninja,
    site_id: location.id,
    device_type_id: ids.deviceType[device.kind],
    billing_status_id: ids.billingStatus[billing],
    hostname: device.ninjaHostname,
    os_name: hardware.ninjaOsName,
    created_at: toIso(today.ninjaWrittenAt),
    organization_name: organization.ninjaName,
    display_name: displayName,
    device_status: online ? "online" : "offline",
    location_name: location.name,
    device_type_name: device.kind,
    billable_status_name: billing,
    last_online: toIso(
      lastOnline(random, today.ninjaWrittenAt, online, spareNow ? spareSince(device, today) : null, installed),
    ),
    agent_install_timestamp: toIso(installed),
    has_tpm: hardware.hasTpm,
    tpm_enabled: hardware.tpmEnabled,
    tpm_version: hardware.tpmVersion,
    secure_boot_available: hardware.secureBootAvailable,
    secure_boot_enabled: hardware.secureBootEnabled,
    os_architecture: hardware.architecture,
    node_class: hardware.nodeClass,
    os_build: hardware.osBuild,
    os_release_id: hardware.osReleaseId,
    windows_11_24h2_capable: hardware.windows11Capable,
    windows_11_24h2_deficiencies: hardware.windows11Deficiencies,
    volumes: hardware.volumes,
    cpu_model: hardware.cpu,
    system_manufacturer: hardware.manufacturer,
    system_model: hardware.model,
    memory_gib: hardware.memoryGib,
  };
}

/**
 * ThreatLocker's row for the device, or with `duplicate` for its lingering second computer.
 * Site, device type and billing status stay NULL.
 */
export function threatlockerRow(
  device: DemoDevice,
  today: CollectionDay,
  ids: LookupIds,
  duplicate: boolean,
): ThreatLockerSnapshotRow {
  const span = duplicate ? device.duplicate?.span : device.threatlocker;
  if (!span) throw new Error(`${device.hostname} has no ThreatLocker ${duplicate ? "duplicate" : "computer"}`);
  const { hostname, spare, move } = device;
  const organization = move !== null && today.day >= move.threatlockerDay ? move.to : device.organization;
  const spareNow = spare !== null && today.day >= spare.from;
  const user = userOn(device, today.day, "threatlocker");
  const drifted = device.driftThreshold < today.driftIntensity;
  const displayName =
    spareNow && spare.threatlockerRenamed && user
      ? spareDisplayName(hostname, user)
      : device.namedInNinja && user
        ? drifted
          ? `${hostname} | ${user.last}, ${user.first}`
          : namedDisplayName(hostname, user) + device.threatlockerNameSuffix
        : hostname;
  const random = Random.derive(
    device.seed,
    today.day,
    duplicate ? RANDOM_STREAM.threatlockerDuplicate : RANDOM_STREAM.threatlocker,
  );
  const online = !spareNow && random.chance(device.kind === "server" ? 0.99 : 0.86);
  const daysInstalled = today.day - span.from;
  const securityMode = daysInstalled === 0 ? "Installation" : daysInstalled < 14 ? "Learning" : "Secure";
  const denied1d =
    securityMode === "Secure"
      ? random.weighted([
          [0, 70],
          [random.int(1, 5), 25],
          [random.int(6, 60), 5],
        ])
      : 0;
  const denied3d = denied1d + (securityMode === "Secure" ? random.int(0, 4) : 0);
  const installed = installedAt(device, span, today);
  const lastSeen = lastOnline(
    random,
    today.threatlockerWrittenAt,
    online,
    spareNow ? spareSince(device, today) : null,
    installed,
  );
  return {
    snapshot_date: today.date,
    vendor_id: ids.threatlockerVendorId,
    device_identity_id: duplicate ? device.identities.duplicate : device.identities.threatlocker,
    hostname: today.day < device.pipeHostnameUntil ? displayName : hostname,
    os_name: device.hardware.threatlockerOsName,
    created_at: toIso(today.threatlockerWrittenAt),
    organization_name: organization.threatlockerName,
    display_name: displayName,
    device_status: online ? "online" : "offline",
    last_online: toIso(lastSeen),
    agent_install_timestamp: toIso(installed),
    organization_id: organization.threatlockerId,
    computer_group: device.kind === "server" ? "Servers" : "Workstations",
    security_mode: securityMode,
    deny_count_1d: denied1d,
    deny_count_3d: denied3d,
    deny_count_7d: denied3d + (securityMode === "Secure" ? random.int(0, 8) : 0),
    install_date: toIso(installed),
    is_locked_out: random.chance(0.002),
    is_isolated: random.chance(0.0005),
    agent_version: today.day >= device.agentUpgradeDay ? NEW_AGENT_VERSION : OLD_AGENT_VERSION,
    has_checked_in: today.threatlockerWrittenAt - lastSeen < 7 * DAY_MS,
  };
}

/** Spares sit in their spare location; a moved device lands in its new client's main site. */
function ninjaSite(device: DemoDevice, organization: DemoOrganization, moved: boolean, spareNow: boolean): DemoSite {
  const spareSite =
    device.spare?.kind === "es-spare"
      ? organization.esSpareSite
      : device.spare?.kind === "client-site"
        ? organization.spareSite
        : null;
  if (spareNow && spareSite) return spareSite;
  return moved ? organization.mainSite : device.site;
}

function userOn(device: DemoDevice, day: number, vendor: "ninja" | "threatlocker"): Person | null {
  const { reassignment } = device;
  if (!reassignment) return device.user;
  return day < (vendor === "ninja" ? reassignment.ninjaDay : reassignment.threatlockerDay)
    ? reassignment.previous
    : device.user;
}

function namedDisplayName(hostname: string, user: Person): string {
  return `${hostname} | ${user.first} ${user.last}`;
}

function spareDisplayName(hostname: string, user: Person): string {
  return `${hostname} | SPARE - was ${user.first} ${user.last} (at ES)`;
}

/** Spares sit powered off: last seen around the day they were shelved. */
function spareSince(device: DemoDevice, today: CollectionDay): number {
  return today.windowStart + (device.spare?.from ?? today.day) * DAY_MS + (device.seed % 10) * 3_600_000;
}

function lastOnline(
  random: Random,
  writtenAt: number,
  online: boolean,
  shelvedAt: number | null,
  installed: number,
): number {
  const seen =
    shelvedAt !== null
      ? Math.min(shelvedAt, writtenAt - DAY_MS)
      : writtenAt - (online ? random.int(0, 600) : random.int(3_600, 96 * 3_600)) * 1000;
  return Math.max(seen, installed);
}

/** The afternoon (UTC) before the device's first collection. */
function installedAt(device: DemoDevice, span: Span | null, today: CollectionDay): number {
  const firstDay = span ? span.from : today.day;
  return today.windowStart + (firstDay - 1) * DAY_MS + 13 * 3_600_000 + (device.seed % 28_800) * 1000;
}
