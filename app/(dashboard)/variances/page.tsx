import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/actor";
import { getPrisma } from "@/lib/db/prisma";
import { activeUsers } from "@/lib/auth/user-directory";
import { getQueue } from "@/lib/variances/queue";
import { parseQueueFilters, queueQuery } from "@/lib/variances/queue-filters";
import { formatCount, formatReportDate } from "@/lib/format";
import { QueueFilterForm } from "@/components/variances/queue-filter-form";
import { TypeTabs } from "@/components/variances/type-tabs";
import { QueueList } from "@/components/variances/queue-list";
import { Pagination } from "@/components/ui/pagination";

export const metadata: Metadata = { title: "Variances" };

export default async function VariancesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const filters = parseQueueFilters(await searchParams);
  const db = getPrisma();
  const [queue, users] = await Promise.all([getQueue(db, actor, filters), activeUsers(db)]);

  if (!queue.reportDate) {
    return (
      <section className="rounded-lg border border-dashed border-gray-300 p-8 text-center dark:border-gray-700">
        <h1 className="text-lg font-semibold">No report to triage yet</h1>
        <p className="mt-2 text-sm text-gray-600 dark:text-gray-400">No date has rows from both Ninja and ThreatLocker, so there is nothing to compare.</p>
      </section>
    );
  }
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">Variances</h1>
        <p className="text-sm text-gray-600 dark:text-gray-400" data-testid="queue-summary">
          {formatCount(queue.total)} matching on the report of {formatReportDate(queue.reportDate)}
        </p>
      </div>
      <QueueFilterForm filters={filters} reportDate={queue.reportDate} reportDates={queue.reportDates} organizations={queue.organizations} users={users} />
      <TypeTabs filters={filters} counts={queue.typeCounts} />
      {queue.items.length === 0 ? (
        <section className="rounded-lg border border-dashed border-gray-300 p-8 text-center dark:border-gray-700" data-testid="queue-empty">
          <h2 className="font-semibold">No variances match these filters</h2>
          <p className="mt-2 text-sm text-gray-600 dark:text-gray-400">
            {filters.status === "open" && !filters.q && !filters.org && filters.assignee === "anyone" && !filters.type
              ? `The report of ${formatReportDate(queue.reportDate)} has no open variances: everything is resolved, snoozed or fixed.`
              : "Nothing on this report has that combination of type, status, assignee, organisation and hostname."}
          </p>
          <Link href="/variances" className="mt-3 inline-block text-sm font-medium text-blue-700 hover:underline dark:text-blue-300">
            Show all open variances
          </Link>
        </section>
      ) : (
        <QueueList items={queue.items} />
      )}
      <Pagination page={queue.page} pageCount={queue.pageCount} hrefFor={(page) => `/variances${queueQuery({ ...filters, page })}`} />
    </div>
  );
}
