import { AgeingTable } from "@/components/overview/ageing-table";
import type { Actor } from "@/lib/access/roles";
import type { ReportDate } from "@/lib/calendar-date";
import { getPrisma } from "@/lib/db/prisma";
import { getVarianceAgeing } from "@/lib/reports/variance-ageing";

export async function AgeingSection({
  actor,
  reportDate,
  today,
}: {
  actor: Actor;
  reportDate: ReportDate;
  today: ReportDate;
}) {
  return <AgeingTable ageing={await getVarianceAgeing(getPrisma(), actor, reportDate, today)} />;
}
