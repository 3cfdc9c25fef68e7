"use client";

import { LineChart } from "@tremor/react";
import type { DeviceTrendPoint } from "@/lib/reports/overview";

const formatter = (value: number) => new Intl.NumberFormat("en-US").format(value);

export function DeviceTrendChart({ data }: { data: DeviceTrendPoint[] }) {
  return (
    <LineChart
      className="mt-4 h-72"
      data={data}
      index="date"
      categories={["Ninja", "ThreatLocker"]}
      colors={["blue", "emerald"]}
      valueFormatter={formatter}
      connectNulls={false}
      yAxisWidth={48}
      aria-label="Devices per vendor per date"
    />
  );
}
