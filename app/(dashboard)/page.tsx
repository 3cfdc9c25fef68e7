import type { Metadata } from "next";
import { Card, Title, Text } from "@tremor/react";
import { requireActor } from "@/lib/auth/actor";
import { getOverviewData, OVERVIEW_TREND_DAYS } from "@/lib/reports/overview-data";
import { formatReportDate } from "@/lib/format";
import { HeadlineCard } from "@/components/overview/headline-card";
import { OpenExceptionsCard } from "@/components/overview/open-exceptions-card";
import { DeviceTrendChart } from "@/components/overview/device-trend-chart";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const { report } = await getOverviewData(await requireActor());
  if (!report) {
    return (
      <section className="rounded-lg border border-dashed border-gray-300 p-8 text-center dark:border-gray-700">
        <h1 className="text-lg font-semibold">No report to show yet</h1>
        <p className="mt-2 text-sm text-gray-600 dark:text-gray-400">
          No date in the newest week of data has rows from both Ninja and ThreatLocker. Check that both collectors ran; the
          banner above shows each vendor&apos;s latest date.
        </p>
      </section>
    );
  }
  const openTotal = report.openExceptions.reduce((sum, row) => sum + row.count, 0);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Overview</h1>
        <p className="text-sm text-gray-600 dark:text-gray-400">Report of {formatReportDate(report.date)}</p>
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <HeadlineCard title="Ninja devices" value={report.devices.Ninja} testId="devices-ninja" />
        <HeadlineCard title="ThreatLocker devices" value={report.devices.ThreatLocker} testId="devices-threatlocker" />
        <HeadlineCard title="Open exceptions" value={openTotal} testId="open-exceptions" />
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <Title>Devices per vendor</Title>
          <Text>Last {OVERVIEW_TREND_DAYS} days; a gap means that vendor has no rows for the date.</Text>
          <DeviceTrendChart data={report.trend} />
        </Card>
        <OpenExceptionsCard counts={report.openExceptions} />
      </div>
    </div>
  );
}
