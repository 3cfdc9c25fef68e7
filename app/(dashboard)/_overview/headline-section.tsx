import { HeadlineCards } from "@/components/overview/headline-cards";
import type { Actor } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/prisma";
import type { ReportDate } from "@/lib/inventory/report-date";
import { getOverviewHeadline } from "@/lib/reports/overview-headline";

export async function HeadlineSection({
  actor,
  reportDate,
  today,
}: {
  actor: Actor;
  reportDate: ReportDate;
  today: ReportDate;
}) {
  return <HeadlineCards headline={await getOverviewHeadline(getPrisma(), actor, reportDate, today)} />;
}
