import { AgeingTable } from "@/components/overview/ageing-table";
import type { Actor } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/prisma";
import type { ReportDate } from "@/lib/inventory/report-date";
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
