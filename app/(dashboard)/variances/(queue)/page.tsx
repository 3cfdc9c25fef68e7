import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { Pagination } from "@/components/ui/pagination";
import { ExportLinks } from "@/components/variances/export-links";
import { QueueFilterForm } from "@/components/variances/queue-filter-form";
import { QueueWorkbench } from "@/components/variances/queue-workbench";
import { TypeTabs } from "@/components/variances/type-tabs";
import { SaveViewForm } from "@/components/views/save-view-form";
import { SavedViewsNav } from "@/components/views/saved-views-nav";
import { can } from "@/lib/access/permissions";
import { requireActor } from "@/lib/auth/actor";
import { activeUsers } from "@/lib/auth/user-directory";
import { getPrisma } from "@/lib/db/prisma";
import { logger } from "@/lib/logging/logger";
import { requestFormat } from "@/lib/request-format";
import { getQueue } from "@/lib/variances/queue";
import { isUnfilteredQueue, parseQueueFilters, queueQuery } from "@/lib/variances/queue-filters";
import { toQueueRow } from "@/lib/variances/queue-row";
import { reconcileIfStale } from "@/lib/variances/reconcile";
import { defaultViewRedirect } from "@/lib/views/default-view";
import { listViews } from "@/lib/views/list-views";
import { UNFILTERED_QUEUE_HREF } from "@/lib/views/saved-view";

export const metadata: Metadata = { title: "Variances" };

export default async function VariancesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const format = await requestFormat();
  const params = await searchParams;
  const db = getPrisma();
  // Saved views: a bare /variances opens on the person's default view.
  const defaultView = await defaultViewRedirect(db, actor, params);
  if (defaultView) redirect(defaultView);
  const filters = parseQueueFilters(params);
  const query = queueQuery(filters);
  const [queue, users, views] = await Promise.all([
    getQueue(db, actor, filters),
    activeUsers(db, actor),
    listViews(db, actor),
  ]);
  // The checks may have recreated today's rows since the last visit: restore the write-through
  // after the page is sent (throttled to one run per few minutes across instances).
  after(() => reconcileIfStale(db).catch((error: unknown) => logger.error({ err: error }, "reconcile failed")));

  if (!queue.reportDate) {
    return (
      <section className="rounded-lg border border-dashed border-gray-300 p-8 text-center dark:border-gray-700">
        <h1 className="text-lg font-semibold">No report to triage yet</h1>
        <p className="mt-2 text-sm text-gray-600 dark:text-gray-400">
          No date has rows from both Ninja and ThreatLocker, so there is nothing to compare.
        </p>
      </section>
    );
  }
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">Variances</h1>
        <p className="text-sm text-gray-600 dark:text-gray-400" data-testid="queue-summary" data-value={queue.total}>
          {format.count(queue.total)} matching on the report of {format.reportDate(queue.reportDate)}
        </p>
        <ExportLinks filters={filters} />
      </div>
      <div className="space-y-2 rounded-lg border border-gray-200 p-3 dark:border-gray-800">
        <SavedViewsNav views={views} query={query} />
        <SaveViewForm query={query} />
      </div>
      <QueueFilterForm
        filters={filters}
        reportDate={queue.reportDate}
        reportDates={queue.reportDates}
        organizations={queue.organizations}
        users={users}
      />
      <TypeTabs filters={filters} counts={queue.typeCounts} />
      <QueueWorkbench
        key={query}
        rows={queue.items.map(toQueueRow)}
        total={queue.total}
        query={queueQuery({ ...filters, page: 1 })}
        canTriage={can(actor, "variances:triage")}
        users={users}
        empty={
          <section
            className="rounded-lg border border-dashed border-gray-300 p-8 text-center dark:border-gray-700"
            data-testid="queue-empty"
          >
            <h2 className="font-semibold">No variances match these filters</h2>
            <p className="mt-2 text-sm text-gray-600 dark:text-gray-400">
              {isUnfilteredQueue(filters)
                ? `The report of ${format.reportDate(queue.reportDate)} has no open variances: everything is resolved, snoozed or fixed.`
                : "Nothing on this report has that combination of type, status, assignee, organisation and hostname."}
            </p>
            <Link
              href={UNFILTERED_QUEUE_HREF}
              className="mt-3 inline-block text-sm font-medium text-blue-700 hover:underline dark:text-blue-300"
            >
              Show all open variances
            </Link>
          </section>
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
