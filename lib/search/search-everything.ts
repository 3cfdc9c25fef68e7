import { assertCan } from "@/lib/access/permissions";
import type { Actor } from "@/lib/access/roles";
import { type ReportDate, todayUtc } from "@/lib/calendar-date";
import type { Database } from "@/lib/db/prisma";
import { searchDevices } from "@/lib/devices/device-search";
import { devicePath } from "@/lib/inventory/device-path";
import { loadOrganizationAliases } from "@/lib/organizations/organization-aliases";
import { organizationNameCounts } from "@/lib/organizations/organization-devices";
import { organizationFigures } from "@/lib/organizations/organization-figures";
import { organizationPath } from "@/lib/organizations/organization-filters";
import { organizationMatchKey } from "@/lib/organizations/organization-name";
import { getReportStatus } from "@/lib/report-date/report-status";
import { refreshVarianceHistory } from "@/lib/rollups/variance-rollup";
import { typeLabel } from "@/lib/variances/type-registry/registry";
import { variancePath, varianceSubjectId } from "@/lib/variances/variance-key";
import { loadVarianceRows } from "@/lib/variances/variance-rows";
import { toVarianceView, type VarianceView } from "@/lib/variances/variance-view";
import { bestTier, matchTier, rankMatches } from "./match-rank";
import { PALETTE_GROUP_LIMIT, type PaletteItem, type PalettePage, type PaletteResults } from "./palette-results";

const byText = (a: string, b: string) => a.localeCompare(b);

/** Open on the latest report first: what a technician is most likely looking for. */
const openFirst = (a: VarianceView, b: VarianceView) =>
  Number(b.lifecycle.status === "open") - Number(a.lifecycle.status === "open") ||
  byText(a.hostname, b.hostname) ||
  byText(a.type, b.type);

function searchVariances(views: readonly VarianceView[], q: string): PaletteItem[] {
  return rankMatches(
    views,
    (view) => matchTier(q, [view.hostname, view.key, typeLabel(view.type)]),
    openFirst,
    PALETTE_GROUP_LIMIT,
  ).map(({ item }) => ({
    id: varianceSubjectId(item),
    label: item.hostname,
    detail: `${typeLabel(item.type)} · ${item.organization} · ${item.lifecycle.status}`,
    href: variancePath(item),
  }));
}

async function searchOrganizations(
  db: Database,
  reportDate: ReportDate,
  openVariances: readonly VarianceView[],
  q: string,
): Promise<PaletteItem[]> {
  const [nameCounts, aliases] = await Promise.all([
    organizationNameCounts(db, reportDate),
    loadOrganizationAliases(db),
  ]);
  // The organisations page's own grouping: normalised names and an admin's merges make one organisation.
  const organizations = organizationFigures({ nameCounts, openVariances, aliases, internalKeys: new Set() });
  const normalised = organizationMatchKey(q);
  return rankMatches(
    organizations,
    (organization) => {
      const byName = matchTier(q, [
        organization.name,
        ...organization.spellings.map((spelling) => spelling.name),
        ...organization.mergedNames,
      ]);
      // "acme llc" finds "Acme, LLC": the normalised text against the normalised name.
      const byKey = normalised ? matchTier(normalised, [organization.key]) : null;
      return bestTier(byName, byKey);
    },
    (a, b) => byText(a.name, b.name),
    PALETTE_GROUP_LIMIT,
  ).map(({ item }) => ({
    id: item.key,
    label: item.name,
    detail: `${item.ninja} in Ninja · ${item.threatlocker} in ThreatLocker · ${item.openTotal} open`,
    href: organizationPath(item.key),
  }));
}

async function searchDeviceItems(db: Database, actor: Actor, q: string): Promise<PaletteItem[]> {
  const { groups } = await searchDevices(db, actor, q, PALETTE_GROUP_LIMIT);
  // searchDevices already lists exact, then prefix key matches first; its order is kept.
  return groups.map((group) => {
    const organizations = [...new Set(group.rows.map((row) => row.organization).filter(Boolean))];
    const vendors = [...new Set(group.rows.map((row) => row.vendor))];
    return {
      id: group.key,
      label: group.rows[0]?.hostname ?? group.key,
      detail: [vendors.join(" and "), ...organizations].join(" · "),
      href: devicePath(group.key),
    };
  });
}

/**
 * The command palette's search: variances, devices and organisations on the latest report, and
 * the pages given (those the actor's role may open), each group ranked exact > prefix >
 * contains and capped at PALETTE_GROUP_LIMIT. Everything here is what every signed-in role may
 * read; `q` arrives validated (paletteQuerySchema), and `%` or `_` in it are plain characters.
 */
export async function searchEverything(
  db: Database,
  actor: Actor,
  q: string,
  pages: readonly PalettePage[],
  today: ReportDate = todayUtc(),
): Promise<PaletteResults> {
  assertCan(actor, "dashboard:read");
  const pageItems = rankMatches(
    pages,
    (page) => matchTier(q, [page.label]),
    () => 0,
    PALETTE_GROUP_LIMIT,
  ).map(({ item }) => ({ id: item.href, label: item.label, detail: "Page", href: item.href }));
  const { latestMatchingDate: reportDate } = await getReportStatus(db, today);
  if (!reportDate) {
    const devices = await searchDeviceItems(db, actor, q);
    return { q, variances: [], devices, organizations: [], pages: pageItems };
  }
  await refreshVarianceHistory(db, reportDate); // writes: the rollup catches up with the checks' rows
  const views = (await loadVarianceRows(db, reportDate)).map((row) => toVarianceView(row, reportDate, today));
  const open = views.filter((view) => view.lifecycle.status === "open");
  const [devices, organizations] = await Promise.all([
    searchDeviceItems(db, actor, q),
    searchOrganizations(db, reportDate, open, q),
  ]);
  return { q, variances: searchVariances(views, q), devices, organizations, pages: pageItems };
}
