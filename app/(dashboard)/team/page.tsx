import type { Metadata } from "next";
import { TechnicianTable } from "@/components/team/technician-table";
import { UnassignedList } from "@/components/team/unassigned-list";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeading } from "@/components/ui/page-heading";
import { requireActor } from "@/lib/auth/actor";
import { todayUtc } from "@/lib/calendar-date";
import { getPrisma } from "@/lib/db/prisma";
import { getTeamReport } from "@/lib/reports/team-report";
import { requestFormat } from "@/lib/request-format";
import { loadDataHealth } from "../load-data-health";

export const metadata: Metadata = { title: "Team" };

const cardClass = "rounded-lg border border-gray-200 bg-white p-4 shadow-sm dark:border-gray-800 dark:bg-gray-900";

export default async function TeamPage() {
  const actor = await requireActor();
  const format = await requestFormat();
  const reportDate = (await loadDataHealth(actor)).status.latestMatchingDate;
  if (!reportDate) {
    return (
      <EmptyState heading="h1" title="No report to show yet">
        No date in the newest week of data has rows from both Ninja and ThreatLocker.
      </EmptyState>
    );
  }
  const team = await getTeamReport(getPrisma(), actor, reportDate, todayUtc());
  return (
    <div className="space-y-6">
      <PageHeading
        title="Team"
        description={
          <>
            Open work on the report of <time dateTime={reportDate}>{format.reportDate(reportDate)}</time>; resolutions
            by report date.
          </>
        }
      />
      <section aria-labelledby="technicians-heading" className={cardClass}>
        <h2 id="technicians-heading" className="mb-3 text-lg font-semibold">
          Technicians
        </h2>
        <TechnicianTable rows={team.technicians} />
      </section>
      <section aria-labelledby="unassigned-heading" className={cardClass}>
        <h2 id="unassigned-heading" className="mb-3 text-lg font-semibold">
          Unassigned open variances
        </h2>
        <UnassignedList unassigned={team.unassigned} />
      </section>
    </div>
  );
}
