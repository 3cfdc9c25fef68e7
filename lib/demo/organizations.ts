import { ES_SPARE_LOCATION } from "@/lib/inventory/es-spare";
import {
  BRANCH_SITES,
  DNS_SUFFIXES,
  LEGAL_SUFFIX_SPELLINGS,
  ORGANIZATION_PREFIXES,
  ORGANIZATION_TRADES,
  SPARE_SITES,
} from "./name-lists";
import type { Random } from "./random";

/** A Ninja location; ThreatLocker has none. */
export interface DemoSite {
  id: number;
  /** Ninja's location id. */
  vendorSiteKey: string;
  name: string;
}

export interface DemoOrganization {
  /** 2–5 letters that start the client's hostnames. */
  code: string;
  /** The same client is often spelled differently in each vendor. */
  ninjaName: string;
  threatlockerName: string;
  threatlockerId: string;
  /** Domain of its Ninja DNS names; null for a workgroup (bare hostnames). */
  dnsSuffix: string | null;
  internal: boolean;
  /** Relative share of the fleet. */
  weight: number;
  mainSite: DemoSite;
  otherSites: DemoSite[];
  /** Where the client parks unused devices: everything there is billed as spare. */
  spareSite: DemoSite | null;
  /** The client's devices kept in the MSP's own spare stock. */
  esSpareSite: DemoSite | null;
}

const MSP_NAME = "Enterprise Solutions";

/** The MSP's own organisations exist in both vendors; their codes are kept away from clients. */
const INTERNAL_ORGANIZATIONS = [
  { code: "ES", ninjaName: `${MSP_NAME}, LLC`, threatlockerName: MSP_NAME, weight: 12 },
  { code: "INF", ninjaName: "Internal Infrastructure", threatlockerName: "Internal Infrastructure", weight: 6 },
];

/** The demo's internal organisations, as the start command lists them when VD_INTERNAL_ORGANIZATIONS is unset. */
export const DEMO_INTERNAL_ORGANIZATION_NAMES = INTERNAL_ORGANIZATIONS.map((org) => org.threatlockerName);

export function buildOrganizations(random: Random, clientCount: number): DemoOrganization[] {
  const siteIds = siteIdAllocator(random);
  const codes = new Set(INTERNAL_ORGANIZATIONS.map((org) => org.code));
  const clients = clientNames(random, clientCount).map((baseName, index) => {
    const spellings = random.weighted(
      LEGAL_SUFFIX_SPELLINGS.map((forms, rank) => [forms, rank === 0 ? 5 : 2] as const),
    );
    const code = clientCode(random, baseName, codes);
    return {
      code,
      ninjaName: baseName + (random.chance(0.75) ? random.pick(spellings) : ""),
      threatlockerName: baseName + (random.chance(0.45) ? random.pick(spellings) : ""),
      // A few large clients (~100 devices at the default size), most with 5–50.
      weight: index < Math.max(1, Math.round(clientCount / 13)) ? random.int(100, 120) : 5 + 40 * random.next() ** 3,
      internal: false,
    };
  });
  const internal = INTERNAL_ORGANIZATIONS.map((org) => ({ ...org, internal: true }));
  return [...internal, ...clients].map((org) => ({
    ...org,
    threatlockerId: random.uuid(),
    dnsSuffix: org.internal || random.chance(0.7) ? domainFor(random, org.code) : null,
    mainSite: siteIds.next("Main Office"),
    otherSites: random
      .shuffle(BRANCH_SITES)
      .slice(0, org.weight > 60 ? random.int(1, 3) : random.int(0, 1))
      .map((name) => siteIds.next(name)),
    spareSite: random.chance(0.6) ? siteIds.next(random.pick(SPARE_SITES)) : null,
    esSpareSite: org.code === "ES" || random.chance(0.4) ? siteIds.next(ES_SPARE_LOCATION) : null,
  }));
}

export function allSites(organizations: readonly DemoOrganization[]): DemoSite[] {
  return organizations
    .flatMap((org) => [org.mainSite, ...org.otherSites, org.spareSite, org.esSpareSite])
    .filter((site): site is DemoSite => site !== null)
    .sort((a, b) => a.id - b.id);
}

function siteIdAllocator(random: Random) {
  let id = 0;
  let ninjaLocationId = 100;
  return {
    next(name: string): DemoSite {
      ninjaLocationId += random.int(1, 9);
      return { id: ++id, vendorSiteKey: String(ninjaLocationId), name };
    },
  };
}

function clientNames(random: Random, count: number): string[] {
  const names = new Set<string>();
  while (names.size < count) {
    const name = `${random.pick(ORGANIZATION_PREFIXES)} ${random.pick(ORGANIZATION_TRADES)}`;
    names.add(names.size >= ORGANIZATION_PREFIXES.length * ORGANIZATION_TRADES.length ? `${name} ${names.size}` : name);
  }
  return [...names];
}

/** Initials first ("Summit Dental" → SD), then longer abbreviations, then random letters. */
function clientCode(random: Random, baseName: string, taken: Set<string>): string {
  const words = baseName
    .toUpperCase()
    .replace(/[^A-Z ]/g, "")
    .split(" ")
    .filter(Boolean);
  const first = words[0] ?? "";
  const initials = words.map((word) => word[0]).join("");
  const candidates = [
    initials,
    first.slice(0, 3),
    first.slice(0, 2) + initials.slice(1),
    first.slice(0, 4),
    initials + first.slice(1, 3),
  ];
  let code = candidates.find((candidate) => candidate.length >= 2 && candidate.length <= 5 && !taken.has(candidate));
  while (!code || taken.has(code)) code = random.string("ABCDEFGHJKLMNPRSTVWXYZ", random.int(3, 4));
  taken.add(code);
  return code;
}

function domainFor(random: Random, code: string): string {
  const suffix = random.pick(DNS_SUFFIXES);
  return random.chance(0.4) ? suffix : `${code.toLowerCase()}.${suffix}`;
}
