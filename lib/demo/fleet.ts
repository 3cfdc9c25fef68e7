import { NETBIOS_LENGTH, netbiosKey } from "@/lib/inventory/hostname-key";
import type { DemoCalendar } from "./demo-calendar";
import { type DeviceKind, type Hardware, server, unclassified, workstation } from "./hardware";
import { FIRST_NAMES, LAST_NAMES, SERVER_ROLES } from "./name-lists";
import type { DemoOrganization, DemoSite } from "./organizations";
import type { Random } from "./random";

/** Day indexes, both included; may start before and end after the demo window. */
export interface Span {
  from: number;
  to: number;
}

export interface Person {
  first: string;
  last: string;
}

/**
 * One machine over its life: when each vendor sees it and the episodes that make the
 * checks fire (spare, stale name, client move, duplicate ThreatLocker entry…).
 */
export interface DemoDevice {
  /** Seeds this device's day-by-day values. */
  seed: number;
  kind: DeviceKind;
  organization: DemoOrganization;
  /** The machine's own name, as ThreatLocker reports it: `ABC-1X2Y3Z4`. */
  hostname: string;
  /** Ninja's DNS name (often an FQDN, any case), or the 15-character NetBIOS name when the DNS name is missing. */
  ninjaHostname: string;
  hardware: Hardware;
  site: DemoSite;
  ninja: Span | null;
  threatlocker: Span | null;
  threatlockerComputerId: string;
  /** A second ThreatLocker computer for the same machine (agent reinstalled, old entry left behind). */
  duplicate: { span: Span; computerId: string } | null;
  user: Person | null;
  /** Ninja's display name carries "HOST | user"; otherwise it is empty and ThreatLocker shows the bare hostname. */
  namedInNinja: boolean;
  /** Someone typed a little more into ThreatLocker's name for good (" (laptop)"): a standing mismatch. */
  threatlockerNameSuffix: string;
  /** The device changed hands: each vendor showed `previous` until its own day. */
  reassignment: { ninjaDay: number; threatlockerDay: number; previous: Person } | null;
  spare: Spare | null;
  /** The device moved to another client: each vendor files it there from its own day. */
  move: { ninjaDay: number; threatlockerDay: number; to: DemoOrganization } | null;
  /** Before this day ThreatLocker's hostname held its computer name (`HOST | user`). */
  pipeHostnameUntil: number;
  /** ThreatLocker's display name drifts when the day's drift intensity exceeds this. */
  driftThreshold: number;
  agentUpgradeDay: number;
  identities: { ninja: number | null; threatlocker: number | null; duplicate: number | null };
}

export interface Spare {
  from: number;
  /**
   * `client-site`: moved to the client's spare location (name unchanged);
   * `es-spare`: renamed "SPARE - was …" and kept in `ES Spare`, in ThreatLocker on purpose;
   * `renamed-only`: renamed but left in its old location.
   */
  kind: "client-site" | "es-spare" | "renamed-only";
  /** ThreatLocker's display name was renamed to match Ninja's. */
  threatlockerRenamed: boolean;
}

export interface DeviceIdentity {
  id: number;
  vendor: "ninja" | "threatlocker";
  key: string;
  firstSeen: string;
  lastSeen: string;
}

export interface FleetOptions {
  ninjaDevices: number;
  threatlockerDevices: number;
  organizations: DemoOrganization[];
  calendar: DemoCalendar;
}

const FOREVER = Number.POSITIVE_INFINITY;

/** Share of ThreatLocker computers that never had a Ninja agent. */
const THREATLOCKER_ONLY_SHARE = 0.008;

export function buildFleet(random: Random, options: FleetOptions): DemoDevice[] {
  const { calendar, organizations } = options;
  const { days } = calendar;
  const names = new HostnameRegistry();
  const counts = apportion(
    options.ninjaDevices,
    organizations.map((org) => org.weight),
  );
  const onboarded = onboardedClient(organizations, counts);
  const onboardingDay = days >= 14 ? Math.round(days * 0.35) : null;
  // Asked for more ThreatLocker computers than Ninja devices can carry, the rest never had a Ninja agent.
  const threatlockerOnly = Math.max(
    Math.round(options.threatlockerDevices * THREATLOCKER_ONLY_SHARE),
    options.threatlockerDevices - Math.round(options.ninjaDevices * 0.97),
  );
  const coverage = threatlockerCoverage(random, organizations, counts, options.threatlockerDevices - threatlockerOnly);

  // Most devices predate the window; the rest join it (never on its first day, so day 0 shows the settled fleet).
  const joinDay = (longLived: boolean) =>
    longLived || days < 2 || random.chance(0.92) ? -random.int(30, 1500) : random.int(1, days - 1);
  const devices: DemoDevice[] = [];
  organizations.forEach((org, index) => {
    const count = counts[index] ?? 0;
    const share = coverage.get(org) ?? 0;
    const serverCount =
      org.code === "INF" ? Math.round(count * 0.7) : count >= 5 ? Math.max(1, Math.round(count * 0.07)) : 0;
    const retiredCount = Math.round(count * 0.06 * (days / 90));
    for (let i = 0; i < count + retiredCount; i++) {
      const retired = i >= count;
      const kind: DeviceKind = i < serverCount ? "server" : random.chance(0.012) ? "unknown" : "workstation";
      const from =
        org === onboarded && onboardingDay !== null && !retired ? onboardingDay + random.int(0, 3) : joinDay(retired);
      const ninja = { from, to: retired ? random.int(0, days - 2) : FOREVER };
      const inThreatlocker = kind !== "unknown" && random.chance(share);
      const rollout = org === onboarded ? random.int(7, 12) : undefined;
      devices.push(
        newDevice(
          random,
          names,
          org,
          kind,
          ninja,
          inThreatlocker ? threatlockerSpan(random, ninja, rollout) : null,
          days,
        ),
      );
    }
  });
  for (let i = 0; i < threatlockerOnly; i++) {
    const org = random.pick([...coverage.keys()]);
    const threatlocker = { from: joinDay(false), to: FOREVER };
    devices.push(newDevice(random, names, org, "workstation", null, threatlocker, days));
  }

  addSpares(random, devices, days);
  addReassignments(random, devices, days);
  addMoves(random, devices, organizations, days, options.threatlockerDevices);
  addDuplicates(random, devices, days, options.threatlockerDevices);
  addPipeHostnames(random, devices, days, options.threatlockerDevices);
  matchThreatlockerCount(random, devices, coverage, options.threatlockerDevices, days - 1);
  return devices;
}

function newDevice(
  random: Random,
  names: HostnameRegistry,
  organization: DemoOrganization,
  kind: DeviceKind,
  ninja: Span | null,
  threatlocker: Span | null,
  days: number,
): DemoDevice {
  const { hostname, hardware } = names.claim(random, organization, kind);
  const user = kind === "workstation" ? { first: random.pick(FIRST_NAMES), last: random.pick(LAST_NAMES) } : null;
  const namedInNinja = user !== null && random.chance(threatlocker ? 0.8 : 0.4);
  return {
    seed: random.int(0, 2 ** 32 - 1),
    kind,
    organization,
    hostname,
    ninjaHostname: ninjaDnsName(random, hostname, organization),
    hardware,
    site:
      random.chance(0.75) || organization.otherSites.length === 0
        ? organization.mainSite
        : random.pick(organization.otherSites),
    ninja,
    threatlocker,
    threatlockerComputerId: random.uuid(),
    duplicate: null,
    user,
    namedInNinja,
    threatlockerNameSuffix:
      namedInNinja && random.chance(0.012) ? random.pick([" (laptop)", " - loaner", " (old PC)"]) : "",
    reassignment: null,
    spare: null,
    move: null,
    pipeHostnameUntil: 0,
    driftThreshold: random.next(),
    agentUpgradeDay: random.chance(0.92) ? random.int(Math.round(days * 0.55), Math.round(days * 0.8)) : FOREVER,
    identities: { ninja: null, threatlocker: null, duplicate: null },
  };
}

/** Ninja reports the DNS name, an FQDN in varied case; when the DNS name is missing, the 15-character NetBIOS name. */
function ninjaDnsName(random: Random, hostname: string, org: DemoOrganization): string {
  if (hostname.length > NETBIOS_LENGTH && random.chance(0.25)) return hostname.slice(0, NETBIOS_LENGTH);
  const host = random.chance(0.3) ? hostname.toLowerCase() : hostname;
  return org.dnsSuffix ? `${host}.${org.dnsSuffix}` : host;
}

/** When ThreatLocker saw a device, relative to Ninja: usually installed alongside, sometimes before, removed a little after. */
function threatlockerSpan(random: Random, ninja: Span, rolloutLag?: number): Span {
  const lagIn =
    rolloutLag ??
    random.weighted([
      [0, 55],
      [1, 22],
      [2, 8],
      [random.int(3, 7), 7],
      [-random.int(1, 3), 8],
    ]);
  const lagOut = random.weighted([
    [0, 60],
    [random.int(1, 5), 28],
    [random.int(10, 40), 12],
  ]);
  return { from: ninja.from < 0 ? ninja.from : ninja.from + lagIn, to: ninja.to + lagOut };
}

/** Keeps every hostname and 15-character key unique, so identity keys and matches stay unambiguous. */
class HostnameRegistry {
  private readonly taken = new Set<string>();
  private readonly serverNumbers = new Map<string, number>();

  claim(random: Random, org: DemoOrganization, kind: DeviceKind): { hostname: string; hardware: Hardware } {
    if (kind !== "workstation") {
      const role = kind === "server" ? random.pick(SERVER_ROLES) : "VM";
      const number = (this.serverNumbers.get(`${org.code}-${role}`) ?? 0) + 1;
      this.serverNumbers.set(`${org.code}-${role}`, number);
      const hostname = `${org.code}-${role}${String(number).padStart(2, "0")}`;
      this.taken.add(netbiosKey(hostname));
      return { hostname, hardware: kind === "server" ? server(random) : unclassified(random) };
    }
    for (;;) {
      const { serial, hardware } = workstation(random);
      const hostname = `${org.code}-${serial}`;
      if (this.taken.has(netbiosKey(hostname))) continue;
      this.taken.add(netbiosKey(hostname));
      return { hostname, hardware };
    }
  }
}

/** Splits `total` in proportion to `weights` (largest remainder), so the parts add up exactly. */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((weight) => (total * weight) / sum);
  const parts = exact.map(Math.floor);
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder);
  const shortfall = total - parts.reduce((a, b) => a + b, 0);
  for (let i = 0; i < shortfall; i++) {
    const { index } = byRemainder[i % byRemainder.length] ?? { index: 0 };
    parts[index] = (parts[index] ?? 0) + 1;
  }
  return parts;
}

/** A mid-sized client signed during the window: its devices appear in Ninja together, ThreatLocker follows a week later. */
function onboardedClient(
  organizations: readonly DemoOrganization[],
  counts: readonly number[],
): DemoOrganization | undefined {
  const candidates = organizations
    .map((org, index) => ({ org, count: counts[index] ?? 0 }))
    .filter(({ org }) => !org.internal);
  candidates.sort((a, b) => Math.abs(a.count - 12) - Math.abs(b.count - 12));
  return candidates[0]?.org;
}

/**
 * Which organisations license ThreatLocker, and what share of their devices carry it:
 * the MSP's own always, then clients in random order until they cover the target.
 */
function threatlockerCoverage(
  random: Random,
  organizations: readonly DemoOrganization[],
  counts: readonly number[],
  target: number,
) {
  const ordered = [
    ...organizations.filter((org) => org.internal),
    ...random.shuffle(organizations.filter((org) => !org.internal)),
  ];
  const countOf = (org: DemoOrganization) => counts[organizations.indexOf(org)] ?? 0;
  const chosen: DemoOrganization[] = [];
  let covered = 0;
  for (const org of ordered) {
    if (covered >= target / 0.93) break;
    chosen.push(org);
    covered += countOf(org);
  }
  const share = Math.min(0.995, target / Math.max(1, covered));
  return new Map(chosen.map((org) => [org, share]));
}

function addSpares(random: Random, devices: DemoDevice[], days: number) {
  for (const device of devices) {
    const { organization: org } = device;
    if (device.kind !== "workstation" || device.ninja?.to !== FOREVER) continue;
    const kind = random.weighted<Spare["kind"] | null>([
      [org.esSpareSite ? "es-spare" : null, 2.5],
      // Spares are likelier where ThreatLocker is licensed: the clients with a formal hardware rotation.
      [org.spareSite ? "client-site" : null, device.threatlocker ? 9 : 4],
      ["renamed-only", 0.4],
      [null, 87.1],
    ]);
    if (!kind) continue;
    const from = random.chance(0.45) ? -random.int(1, 200) : random.int(1, days - 1);
    device.spare = { from, kind, threatlockerRenamed: kind === "es-spare" && random.chance(0.85) };
    // Someone notices most wasted licenses within weeks and removes ThreatLocker.
    if (kind !== "es-spare" && device.threatlocker && random.chance(0.35)) {
      device.threatlocker.to = Math.min(device.threatlocker.to, Math.max(from, 0) + random.int(3, 30));
    }
  }
}

/** A device handed to someone else: ThreatLocker's display name catches up days or weeks after Ninja's. */
function addReassignments(random: Random, devices: DemoDevice[], days: number) {
  for (const device of devices) {
    if (!device.namedInNinja || !device.threatlocker || device.spare || !random.chance(0.12 * (days / 90))) continue;
    const ninjaDay = random.int(-30, days - 1);
    const lag = random.weighted([
      [random.int(1, 7), 50],
      [random.int(8, 25), 40],
      [random.int(26, 40), 10],
    ]);
    device.reassignment = {
      ninjaDay,
      threatlockerDay: ninjaDay + lag,
      previous: { first: random.pick(FIRST_NAMES), last: random.pick(LAST_NAMES) },
    };
  }
}

/** A handful of devices moving between clients, ThreatLocker lagging a few days: the rare SITE_MISMATCH. */
function addMoves(
  random: Random,
  devices: DemoDevice[],
  organizations: DemoOrganization[],
  days: number,
  threatlockerDevices: number,
) {
  const clients = organizations.filter((org) => !org.internal);
  const candidates = devices.filter(
    (d) => d.kind === "workstation" && !d.spare && d.ninja?.to === FOREVER && (d.threatlocker?.from ?? 0) < 0,
  );
  const moves = days < 14 ? 0 : Math.max(2, Math.round((threatlockerDevices / 200) * (days / 90)));
  for (const device of random.shuffle(candidates).slice(0, moves)) {
    const to = random.pick(clients.filter((org) => org !== device.organization));
    const ninjaDay = random.int(5, days - 3);
    device.move = { ninjaDay, threatlockerDay: ninjaDay + random.int(2, 6), to };
  }
}

/** Agent reinstalls that leave the old ThreatLocker computer behind for a while: 0–4 at a time at the default size. */
function addDuplicates(random: Random, devices: DemoDevice[], days: number, threatlockerDevices: number) {
  const candidates = devices.filter((d) => d.threatlocker && d.threatlocker.from < 0 && d.threatlocker.to === FOREVER);
  const slots = Math.max(1, Math.round((3 * threatlockerDevices) / 400));
  for (let slot = 0; slot < slots && candidates.length > 0; slot++) {
    for (let from = random.int(0, 10); from < days; ) {
      const length = random.int(2, 12);
      const device = random.pick(candidates);
      if (!device.duplicate) device.duplicate = { span: { from, to: from + length - 1 }, computerId: random.uuid() };
      from += length + random.int(3, 20);
    }
  }
}

/** Early ThreatLocker data stored a few computers' names ("HOST | user") as their hostname. */
function addPipeHostnames(random: Random, devices: DemoDevice[], days: number, threatlockerDevices: number) {
  const candidates = devices.filter((d) => d.namedInNinja && d.threatlocker && d.threatlocker.from < 0 && !d.duplicate);
  const count = Math.max(2, Math.round(threatlockerDevices * 0.006));
  for (const device of random.shuffle(candidates).slice(0, count)) device.pipeHostnameUntil = Math.round(days * 0.25);
}

/**
 * Coverage is drawn at random, so the last day's ThreatLocker count lands near the target,
 * not on it: add or remove ThreatLocker on devices without any episode until it matches.
 */
function matchThreatlockerCount(
  random: Random,
  devices: DemoDevice[],
  coverage: Map<DemoOrganization, number>,
  target: number,
  lastDay: number,
) {
  const computers = devices.flatMap((d) => [d.threatlocker, d.duplicate?.span ?? null]);
  const onLastDay = computers.filter((span) => presentOn(span, lastDay, null)).length;
  const plain = devices.filter(
    (d) =>
      d.kind !== "unknown" &&
      d.ninja?.to === FOREVER &&
      !d.spare &&
      !d.move &&
      !d.reassignment &&
      !d.duplicate &&
      d.pipeHostnameUntil === 0,
  );
  if (onLastDay > target) {
    const licensed = plain.filter((d) => d.threatlocker?.to === FOREVER);
    for (const device of random.shuffle(licensed).slice(0, onLastDay - target)) device.threatlocker = null;
    return;
  }
  const unlicensed = plain.filter((d) => !d.threatlocker);
  const candidates = [
    ...random.shuffle(unlicensed.filter((d) => coverage.has(d.organization))),
    ...random.shuffle(unlicensed.filter((d) => !coverage.has(d.organization))),
  ];
  for (const device of candidates.slice(0, target - onLastDay)) {
    if (device.ninja) device.threatlocker = threatlockerSpan(random, device.ninja);
  }
}

/** Whether a vendor has a row for this span on this day: inside the span and collected that day. */
export function presentOn(span: Span | null, day: number, missingDay: number | null): boolean {
  return span !== null && span.from <= day && day <= span.to && day !== missingDay;
}

/**
 * device_identity rows, first and last seen as the snapshots show them, and sets each
 * device's identity ids. A span the window never collects gets no identity.
 */
export function assignIdentities(devices: DemoDevice[], calendar: DemoCalendar): DeviceIdentity[] {
  const identities: DeviceIdentity[] = [];
  const add = (vendor: DeviceIdentity["vendor"], key: string, span: Span | null, missingDay: number | null) => {
    const seen = seenDays(span, calendar.days, missingDay);
    if (!seen) return null;
    const id = identities.length + 1;
    identities.push({
      id,
      vendor,
      key,
      firstSeen: calendar.dates[seen.from] ?? "",
      lastSeen: calendar.dates[seen.to] ?? "",
    });
    return id;
  };
  for (const device of devices) {
    device.identities = {
      ninja: add("ninja", device.ninjaHostname, device.ninja, calendar.ninjaMissingDay),
      threatlocker: add(
        "threatlocker",
        device.threatlockerComputerId,
        device.threatlocker,
        calendar.threatlockerEmptyDay,
      ),
      duplicate: add(
        "threatlocker",
        device.duplicate?.computerId ?? "",
        device.duplicate?.span ?? null,
        calendar.threatlockerEmptyDay,
      ),
    };
  }
  return identities;
}

function seenDays(span: Span | null, days: number, missingDay: number | null): Span | null {
  if (!span) return null;
  let from = Math.max(span.from, 0);
  let to = Math.min(span.to, days - 1);
  if (from === missingDay) from++;
  if (to === missingDay) to--;
  return from <= to ? { from, to } : null;
}
