import { assertCan } from "@/lib/access/permissions";
import type { Actor } from "@/lib/access/roles";
import { type ReportDate, todayUtc } from "@/lib/calendar-date";
import type { Database } from "@/lib/db/prisma";
import {
  ORGANIZATIONS_PAGE_SIZE,
  type OrganizationFilters,
  type OrganizationSort,
  sortDirectionOf,
} from "@/lib/organizations/organization-filters";
import { loadOrganizationReport } from "./organization-context";
import type { OrganizationFigures } from "./organization-figures";

export interface OrganizationMerge {
  aliasKey: string;
  organizationKey: string;
  organizationName: string;
}

export interface OrganizationSummary {
  reportDate: ReportDate | null;
  /** One page of the organisations the filters select, sorted. */
  rows: OrganizationFigures[];
  /** Organisations the filters select, on every page. */
  matching: number;
  page: number;
  pageCount: number;
  /** Organisations on the report before search and the internal toggle. */
  total: number;
  /** Every organisation, by name: what an admin can merge. */
  choices: { key: string; name: string }[];
  /** The hand-made merges, to show and to split. */
  merges: OrganizationMerge[];
}

const compareBy: Record<OrganizationSort, (a: OrganizationFigures, b: OrganizationFigures) => number> = {
  name: (a, b) => a.name.localeCompare(b.name),
  ninja: (a, b) => a.ninja - b.ninja,
  threatlocker: (a, b) => a.threatlocker - b.threatlocker,
  difference: (a, b) => a.difference - b.difference,
  open: (a, b) => a.openTotal - b.openTotal,
  spare: (a, b) => a.spareLicensed - b.spareLicensed,
  oldest: (a, b) => (a.oldestOpen?.daysOpen ?? -1) - (b.oldestOpen?.daysOpen ?? -1),
};

function matchesSearch(row: OrganizationFigures, q: string | undefined) {
  if (!q) return true;
  const needle = q.toLowerCase();
  return [row.name, row.key, ...row.spellings.map((spelling) => spelling.name)].some((name) =>
    name.toLowerCase().includes(needle),
  );
}

/** The organisations page: one row per client organisation on the latest matching date. */
export async function getOrganizationSummary(
  db: Database,
  actor: Actor,
  filters: OrganizationFilters,
  today: ReportDate = todayUtc(),
  pageSize = ORGANIZATIONS_PAGE_SIZE,
): Promise<OrganizationSummary> {
  assertCan(actor, "dashboard:read");
  const report = await loadOrganizationReport(db, today);
  if (!report)
    return { reportDate: null, rows: [], matching: 0, page: 1, pageCount: 1, total: 0, choices: [], merges: [] };
  const { organizations, aliases } = report;
  const direction = sortDirectionOf(filters) === "asc" ? 1 : -1;
  const rows = organizations
    .filter((row) => matchesSearch(row, filters.q) && (filters.internal === "include" || !row.internal))
    .sort(
      (a, b) => direction * compareBy[filters.sort](a, b) || a.name.localeCompare(b.name) || a.key.localeCompare(b.key),
    );
  const nameOf = new Map(organizations.map((row) => [row.key, row.name]));
  const pageCount = Math.max(1, Math.ceil(rows.length / pageSize));
  const page = Math.min(filters.page ?? 1, pageCount);
  return {
    reportDate: report.reportDate,
    rows: rows.slice((page - 1) * pageSize, page * pageSize),
    matching: rows.length,
    page,
    pageCount,
    total: organizations.length,
    choices: organizations.map(({ key, name }) => ({ key, name })).sort((a, b) => a.name.localeCompare(b.name)),
    merges: [...aliases]
      .map(([aliasKey, organizationKey]) => ({
        aliasKey,
        organizationKey,
        organizationName: nameOf.get(organizationKey) ?? organizationKey,
      }))
      .sort((a, b) => a.organizationName.localeCompare(b.organizationName) || a.aliasKey.localeCompare(b.aliasKey)),
  };
}
