"use client";

import { BarChart } from "@tremor/react";
import { typeColor } from "@/components/charts/chart-colors";
import { ChartLegend } from "@/components/charts/chart-legend";
import { useFormat } from "@/components/ui/format-provider";
import type { VarianceTrendPoint } from "@/lib/reports/overview-trends";
import { typeLabel } from "@/lib/variances/type-registry/registry";

/** Open variances per type per report date, stacked; a date without a trustworthy report has no bar. */
export function VarianceTrendChart({ points, types }: { points: VarianceTrendPoint[]; types: string[] }) {
  const format = useFormat();
  const data = points.map((point) => ({
    label: format.reportDate(point.date),
    ...(point.open ? Object.fromEntries(types.map((type) => [typeLabel(type), point.open?.[type] ?? 0])) : {}),
  }));
  return (
    <>
      <ChartLegend
        label="Variance types"
        items={types.map((type) => ({ name: typeLabel(type), color: typeColor(type) }))}
      />
      <BarChart
        className="mt-4 h-72"
        data={data}
        index="label"
        categories={types.map(typeLabel)}
        colors={types.map(typeColor)}
        valueFormatter={format.count}
        stack
        showLegend={false}
        showAnimation={false}
        yAxisWidth={48}
      />
    </>
  );
}
