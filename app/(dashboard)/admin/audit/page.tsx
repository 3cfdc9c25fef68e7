import type { Metadata } from "next";
import { AuditEntries } from "@/components/admin/audit-entries";
import { AuditFilterForm } from "@/components/admin/audit-filter-form";
import { PageHeading } from "@/components/ui/page-heading";
import { Pagination } from "@/components/ui/pagination";
import { type AuditFilters, listAuditEvents, parseAuditFilters } from "@/lib/audit/audit-log";
import { requireActor } from "@/lib/auth/actor";
import { getPrisma } from "@/lib/db/prisma";
import { requestFormat } from "@/lib/request-format";
import type { SearchParams } from "@/lib/url-params";

export const metadata: Metadata = { title: "Audit log" };

const hrefFor = (filters: AuditFilters, page: number) => {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...filters, page }))
    if (value !== undefined && !(name === "page" && value === 1)) params.set(name, String(value));
  const query = params.toString();
  return `/admin/audit${query ? `?${query}` : ""}`;
};

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  const format = await requestFormat();
  const filters = parseAuditFilters(await searchParams);
  const log = await listAuditEvents(getPrisma(), actor, filters);
  return (
    <div className="space-y-4">
      <PageHeading
        title="Audit log"
        description={
          <>
            Every sign-in, account change and triage command, append-only. {format.count(log.total)} event
            {log.total === 1 ? "" : "s"} match.
          </>
        }
      />
      <AuditFilterForm filters={filters} actions={log.actions} />
      <AuditEntries entries={log.entries} />
      <Pagination page={filters.page} pageCount={log.pageCount} hrefFor={(page) => hrefFor(filters, page)} />
    </div>
  );
}
