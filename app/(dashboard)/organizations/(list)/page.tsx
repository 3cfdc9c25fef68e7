import type { Metadata } from "next";
import Link from "next/link";
import { MergeOrganizationsForm } from "@/components/organizations/merge-organizations-form";
import { OrganizationFiltersForm } from "@/components/organizations/organization-filters-form";
import { OrganizationMerges } from "@/components/organizations/organization-merges";
import { OrganizationTable } from "@/components/organizations/organization-table";
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
      <section className="rounded-lg border border-dashed border-gray-300 p-8 text-center dark:border-gray-700">
        <h1 className="text-lg font-semibold">No report to show yet</h1>
        <p className="mt-2 text-sm text-gray-600 dark:text-gray-400">
          No date in the newest week of data has rows from both Ninja and ThreatLocker, so there is nothing to compare
          per organisation.
        </p>
      </section>
    );
  }
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">Organizations</h1>
        <p className="text-sm text-gray-600 dark:text-gray-400" data-testid="organization-summary">
          {summary.matching === summary.total
            ? `${format.count(summary.total)} organisations`
            : `${format.count(summary.matching)} of ${format.count(summary.total)} organisations`}{" "}
          on the report of {format.reportDate(summary.reportDate)}
        </p>
      </div>
      <p className="text-sm text-gray-600 dark:text-gray-400">
        Names are matched across vendors ignoring case, punctuation and legal suffixes (LLC, Inc., Corp., Ltd…). “Spares
        licensed” counts devices Ninja bills as spare, outside ES Spare, that ThreatLocker still has.
      </p>
      <OrganizationFiltersForm filters={filters} />
      {summary.rows.length === 0 ? (
        <section
          className="rounded-lg border border-dashed border-gray-300 p-8 text-center dark:border-gray-700"
          data-testid="organizations-empty"
        >
          <h2 className="font-semibold">No organisation matches</h2>
          <p className="mt-2 text-sm text-gray-600 dark:text-gray-400">
            No organisation on this report has a name containing “{filters.q ?? ""}”
            {filters.internal === "exclude" ? " outside the internal ones" : ""}.
          </p>
          <Link
            href="/organizations"
            className="mt-3 inline-block text-sm font-medium text-blue-700 hover:underline dark:text-blue-300"
          >
            Show every organisation
          </Link>
        </section>
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
