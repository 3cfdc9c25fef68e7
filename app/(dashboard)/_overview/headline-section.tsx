import { HeadlineCards } from "@/components/overview/headline-cards";
import type { Actor } from "@/lib/access/roles";
import type { ReportDate } from "@/lib/calendar-date";
import { getPrisma } from "@/lib/db/prisma";
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
