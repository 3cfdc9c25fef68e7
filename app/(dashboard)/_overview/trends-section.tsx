import { OverviewTrendCharts } from "@/components/overview/overview-trend-charts";
import type { Actor } from "@/lib/access/roles";
import type { ReportDate } from "@/lib/calendar-date";
import { getPrisma } from "@/lib/db/prisma";
import { getOverviewTrends } from "@/lib/reports/overview-trends";
import type { TrendWindow } from "@/lib/reports/trend-window";

export async function TrendsSection({
  actor,
  reportDate,
  window,
  today,
}: {
  actor: Actor;
  reportDate: ReportDate;
  window: TrendWindow;
  today: ReportDate;
}) {
  return <OverviewTrendCharts trends={await getOverviewTrends(getPrisma(), actor, reportDate, window, today)} />;
}
