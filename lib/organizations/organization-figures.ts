import type { ReportDate } from "@/lib/calendar-date";
import { type DeviceVendorName, NINJA } from "@/lib/inventory/vendors";
import { type OrganizationAliases, organizationKeyOf } from "@/lib/organizations/organization-aliases";
import { varianceSubjectId } from "@/lib/variances/variance-key";
import type { VarianceView } from "@/lib/variances/variance-view";
import type { OrganizationNameCount } from "./organization-devices";
import { organizationMatchKey } from "./organization-name";

/** A count of open variances of one type. */
export interface TypeCount {
  type: string;
  count: number;
}

/** One client organisation's figures on a report: every spelling of its name, merged. */
export interface OrganizationFigures {
  /** The normalised name the organisation is known by (its URL). */
  key: string;
  /** The spelling most of its devices carry. */
  name: string;
  /** Each vendor's spellings, with their device counts. */
  spellings: { vendor: DeviceVendorName; name: string; devices: number }[];
  /** Spellings filed here only because an admin merged them by hand (their normalised form differs). */
  mergedNames: string[];
  internal: boolean;
  ninja: number;
  threatlocker: number;
  /** Ninja minus ThreatLocker. */
  difference: number;
  spareLicensed: number;
  openByType: TypeCount[];
  openTotal: number;
  /** The open variance first seen longest ago. */
  oldestOpen: { type: string; key: string; firstSeen: ReportDate; daysOpen: number } | null;
}

export interface FiguresInput {
  nameCounts: readonly OrganizationNameCount[];
  openVariances: readonly VarianceView[];
  aliases: OrganizationAliases;
  internalKeys: ReadonlySet<string>;
}

/**
 * Joins the per-name device counts and the open variances into organisations by normalised
 * name and hand-made merges. Runs over a few rows per organisation, never over devices.
 */
export function organizationFigures({
  nameCounts,
  openVariances,
  aliases,
  internalKeys,
}: FiguresInput): OrganizationFigures[] {
  const byKey = new Map<string, OrganizationFigures & { varianceNames: string[] }>();
  const figuresFor = (key: string) => {
    let figures = byKey.get(key);
    if (!figures) {
      figures = {
        key,
        name: "",
        spellings: [],
        mergedNames: [],
        internal: internalKeys.has(key),
        ninja: 0,
        threatlocker: 0,
        difference: 0,
        spareLicensed: 0,
        openByType: [],
        openTotal: 0,
        oldestOpen: null,
        varianceNames: [],
      };
      byKey.set(key, figures);
    }
    return figures;
  };

  for (const count of nameCounts) {
    const figures = figuresFor(organizationKeyOf(count.name, aliases));
    figures.spellings.push({ vendor: count.vendor, name: count.name, devices: count.devices });
    if (count.vendor === NINJA) figures.ninja += count.devices;
    else figures.threatlocker += count.devices;
    figures.spareLicensed += count.spareLicensed;
  }
  for (const variance of openVariances) {
    const figures = figuresFor(organizationKeyOf(variance.organization, aliases));
    figures.varianceNames.push(variance.organization);
    figures.openTotal += 1;
    const typeCount = figures.openByType.find((entry) => entry.type === variance.type);
    if (typeCount) typeCount.count += 1;
    else figures.openByType.push({ type: variance.type, count: 1 });
    const oldest = figures.oldestOpen;
    if (
      !oldest ||
      variance.daysOpen > oldest.daysOpen ||
      (variance.daysOpen === oldest.daysOpen && varianceSubjectId(variance) < varianceSubjectId(oldest))
    ) {
      figures.oldestOpen = {
        type: variance.type,
        key: variance.key,
        firstSeen: variance.firstSeen,
        daysOpen: variance.daysOpen,
      };
    }
  }

  return [...byKey.values()].map(({ varianceNames, ...figures }) => {
    const spellings = figures.spellings.sort(
      (a, b) => a.vendor.localeCompare(b.vendor) || b.devices - a.devices || a.name.localeCompare(b.name),
    );
    const mostDevices = [...spellings].sort((a, b) => b.devices - a.devices || a.name.localeCompare(b.name))[0];
    const names = new Set([...spellings.map((spelling) => spelling.name), ...varianceNames]);
    return {
      ...figures,
      mergedNames: [...names].filter((name) => organizationMatchKey(name) !== figures.key).sort(),
      name: mostDevices?.name ?? [...varianceNames].sort()[0] ?? figures.key,
      difference: figures.ninja - figures.threatlocker,
      openByType: figures.openByType.sort((a, b) => b.count - a.count || a.type.localeCompare(b.type)),
    };
  });
}
