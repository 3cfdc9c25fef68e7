import type { Metadata } from "next";
import { TechnicianTable } from "@/components/team/technician-table";
import { UnassignedList } from "@/components/team/unassigned-list";
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
      <section className="rounded-lg border border-dashed border-gray-300 p-8 text-center dark:border-gray-700">
        <h1 className="text-lg font-semibold">No report to show yet</h1>
        <p className="mt-2 text-sm text-gray-600 dark:text-gray-400">
          No date in the newest week of data has rows from both Ninja and ThreatLocker.
        </p>
      </section>
    );
  }
  const team = await getTeamReport(getPrisma(), actor, reportDate, todayUtc());
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Team</h1>
        <p className="text-sm text-gray-600 dark:text-gray-400">
          Open work on the report of <time dateTime={reportDate}>{format.reportDate(reportDate)}</time>; resolutions by
          report date.
        </p>
      </div>
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
