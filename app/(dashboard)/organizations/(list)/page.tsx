import type { Metadata } from "next";
import { MergeOrganizationsForm } from "@/components/organizations/merge-organizations-form";
import { OrganizationFiltersForm } from "@/components/organizations/organization-filters-form";
import { OrganizationMerges } from "@/components/organizations/organization-merges";
import { OrganizationTable } from "@/components/organizations/organization-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeading } from "@/components/ui/page-heading";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/access/permissions";
import { requireActor } from "@/lib/auth/actor";
import { getPrisma } from "@/lib/db/prisma";
import { organizationsHref, parseOrganizationFilters } from "@/lib/organizations/organization-filters";
import { getOrganizationSummary } from "@/lib/organizations/organization-summary";
import { requestFormat } from "@/lib/request-format";
import type { SearchParams } from "@/lib/url-params";

export const metadata: Metadata = { title: "Organizations" };

const sectionClass = "rounded-lg border border-gray-200 bg-white p-4 dark:border-gray-800 dark:bg-gray-900";

export default async function OrganizationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  const format = await requestFormat();
  const filters = parseOrganizationFilters(await searchParams);
  const summary = await getOrganizationSummary(getPrisma(), actor, filters);
  const canManage = can(actor, "organizations:manage");

  if (!summary.reportDate) {
    return (
      <EmptyState heading="h1" title="No report to show yet">
        No date in the newest week of data has rows from both Ninja and ThreatLocker, so there is nothing to compare per
        organisation.
      </EmptyState>
    );
  }
  return (
    <div className="space-y-4">
      <PageHeading
        title="Organizations"
        aside={
          <p className="text-sm text-gray-600 dark:text-gray-400" data-testid="organization-summary">
            {summary.matching === summary.total
              ? `${format.count(summary.total)} organisations`
              : `${format.count(summary.matching)} of ${format.count(summary.total)} organisations`}{" "}
            on the report of {format.reportDate(summary.reportDate)}
          </p>
        }
      />
      <p className="text-sm text-gray-600 dark:text-gray-400">
        Names are matched across vendors ignoring case, punctuation and legal suffixes (LLC, Inc., Corp., Ltd…). “Spares
        licensed” counts devices Ninja bills as spare, outside ES Spare, that ThreatLocker still has.
      </p>
      <OrganizationFiltersForm filters={filters} />
      {summary.rows.length === 0 ? (
        <EmptyState
          heading="h2"
          title="No organisation matches"
          action={{ href: "/organizations", label: "Show every organisation" }}
          testId="organizations-empty"
        >
          No organisation on this report has a name containing “{filters.q ?? ""}”
          {filters.internal === "exclude" ? " outside the internal ones" : ""}.
        </EmptyState>
      ) : (
        <>
          <OrganizationTable rows={summary.rows} filters={filters} />
          <Pagination
            page={summary.page}
            pageCount={summary.pageCount}
            hrefFor={(page) => organizationsHref({ ...filters, page: page > 1 ? page : undefined })}
          />
        </>
      )}
      <section aria-labelledby="merges-heading" className={`${sectionClass} space-y-3 break-inside-avoid`}>
        <h2 id="merges-heading" className="font-semibold">
          Names merged by hand
        </h2>
        <OrganizationMerges merges={summary.merges} canManage={canManage} />
        {canManage && (
          <div className="border-t border-gray-100 pt-3 print:hidden dark:border-gray-800">
            <h3 className="mb-2 text-sm font-medium">Merge two organisations</h3>
            <MergeOrganizationsForm choices={summary.choices} />
          </div>
        )}
      </section>
    </div>
  );
}
