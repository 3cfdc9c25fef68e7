import type { ReportDate } from "@/lib/calendar-date";
import type { Database } from "@/lib/db/prisma";
import { internalOrganizationKeys } from "@/lib/organizations/internal-organizations";
import { loadOrganizationAliases } from "@/lib/organizations/organization-aliases";
import { getReportStatus } from "@/lib/report-date/report-status";
import { openVariancesOn } from "@/lib/variances/open-variances";
import type { VarianceView } from "@/lib/variances/variance-view";
import { organizationNameCounts } from "./organization-devices";
import { type OrganizationFigures, organizationFigures } from "./organization-figures";

export interface OrganizationReport {
  reportDate: ReportDate;
  organizations: OrganizationFigures[];
  aliases: Map<string, string>;
  openVariances: VarianceView[];
}

/** Every organisation's figures on the latest matching date; null when there is no such date. */
export async function loadOrganizationReport(db: Database, today: ReportDate): Promise<OrganizationReport | null> {
  const status = await getReportStatus(db, today);
  const reportDate = status.latestMatchingDate;
  if (!reportDate) return null;
  const [nameCounts, openVariances, aliases] = await Promise.all([
    organizationNameCounts(db, reportDate),
    openVariancesOn(db, reportDate, today),
    loadOrganizationAliases(db),
  ]);
  const organizations = organizationFigures({
    nameCounts,
    openVariances,
    aliases,
    internalKeys: internalOrganizationKeys(),
  });
  return { reportDate, organizations, aliases, openVariances };
}
