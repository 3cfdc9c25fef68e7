import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { CardFilters } from "@/components/variances/card-filters";
import { ExportLinks } from "@/components/variances/export-links";
import { QueueFilterBar } from "@/components/variances/queue-filter-bar";
import { QueueWorkbench } from "@/components/variances/queue-workbench";
import { TypeTabs } from "@/components/variances/type-tabs";
import { ViewTabs } from "@/components/views/view-tabs";
import { can } from "@/lib/access/permissions";
import { requireActor } from "@/lib/auth/actor";
import { activeUsers } from "@/lib/auth/user-directory";
import { getPrisma } from "@/lib/db/prisma";
import { requestFormat } from "@/lib/request-format";
import type { SearchParams } from "@/lib/url-params";
import { getQueue } from "@/lib/variances/queue";
import { isUnfilteredQueue, parseQueueFilters, queueQuery } from "@/lib/variances/queue-filters";
import { toQueueRow } from "@/lib/variances/queue-row";
import { reconcileWriteThroughAfterResponse } from "@/lib/variances/reconcile-after-response";
import { defaultViewRedirect } from "@/lib/views/default-view";
import { listViews } from "@/lib/views/list-views";
import { UNFILTERED_QUEUE_HREF } from "@/lib/views/saved-view";
import { viewTabs } from "@/lib/views/view-tabs";

export const metadata: Metadata = { title: "Variances" };

export default async function VariancesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  const format = await requestFormat();
  const params = await searchParams;
  const db = getPrisma();
  // Saved views: a bare /variances opens on the person's default view.
  const defaultView = await defaultViewRedirect(db, actor, params);
  if (defaultView) redirect(defaultView);
  const filters = parseQueueFilters(params);
  const query = queueQuery(filters);
  // The list these filters select, whichever page is shown.
  const listQuery = queueQuery({ ...filters, page: 1 });
  const [queue, users, views] = await Promise.all([
    getQueue(db, actor, filters),
    activeUsers(db, actor),
    listViews(db, actor),
  ]);
  const tabs = await viewTabs(db, actor, views, query);
  // The checks may have recreated today's rows since the last visit.
  reconcileWriteThroughAfterResponse(db);

  if (!queue.reportDate) {
    return (
      <EmptyState heading="h1" title="No report to triage yet">
        No date has rows from both Ninja and ThreatLocker, so there is nothing to compare.
      </EmptyState>
    );
  }
  // List first: one line of views, one of filters, one of types, then the rows.
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <h1 className="text-lg font-semibold">Variances</h1>
        <ViewTabs tabs={tabs} views={views} query={query} />
        <div className="ml-auto flex flex-wrap items-center gap-3">
          <p className="text-sm text-gray-600 dark:text-gray-400" data-testid="queue-summary" data-value={queue.total}>
            {format.count(queue.total)} matching on the report of {format.reportDate(queue.reportDate)}
          </p>
          <ExportLinks filters={filters} />
        </div>
      </div>
      <QueueFilterBar reportDates={queue.reportDates} organizations={queue.organizations} users={users}>
        <CardFilters filters={filters} />
      </QueueFilterBar>
      <TypeTabs filters={filters} counts={queue.typeCounts} />
      <QueueWorkbench
        key={query}
        rows={queue.items.map((item) => toQueueRow(item, listQuery))}
        total={queue.total}
        query={listQuery}
        canTriage={can(actor, "variances:triage")}
        users={users}
        meId={actor.id}
        empty={
          <EmptyState
            heading="h2"
            title="No variances match these filters"
            action={{ href: UNFILTERED_QUEUE_HREF, label: "Show all open variances" }}
            testId="queue-empty"
          >
            {isUnfilteredQueue(filters)
              ? `The report of ${format.reportDate(queue.reportDate)} has no open variances: everything is resolved, snoozed or fixed.`
              : "Nothing on this report has that combination of type, status, assignee, organisation and hostname."}
          </EmptyState>
        }
      />
      <Pagination
        page={queue.page}
        pageCount={queue.pageCount}
        hrefFor={(page) => `/variances${queueQuery({ ...filters, page })}`}
      />
    </div>
  );
}
