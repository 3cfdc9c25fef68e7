"use client";

import { LineChart } from "@tremor/react";
import type { DeviceTrendPoint } from "@/lib/reports/overview";

const formatter = (value: number) => new Intl.NumberFormat("en-US").format(value);

const SERIES = [
  { name: "Ninja", color: "blue", swatch: "bg-blue-500" },
  { name: "ThreatLocker", color: "emerald", swatch: "bg-emerald-500" },
] as const;

/**
 * Tremor's own legend nests its items in a focusable <div> inside an <ol>, which axe
 * rejects (list / listitem), so the chart draws none and a plain list names the lines.
 */
export function DeviceTrendChart({ data }: { data: DeviceTrendPoint[] }) {
  return (
    // aria-label is not allowed on the chart's plain <div>; the figure carries the name.
    <figure aria-label="Devices per vendor per date">
      <ul aria-label="Legend" className="mt-4 flex flex-wrap justify-end gap-x-4 gap-y-1 text-sm text-gray-700 dark:text-gray-300">
        {SERIES.map((series) => (
          <li key={series.name} className="inline-flex items-center gap-1.5">
            <span aria-hidden="true" className={`h-2 w-2 rounded-full ${series.swatch}`} />
            {series.name}
          </li>
        ))}
      </ul>
      <LineChart
        className="mt-2 h-72"
        data={data}
        index="date"
        categories={SERIES.map((series) => series.name)}
        colors={SERIES.map((series) => series.color)}
        valueFormatter={formatter}
        connectNulls={false}
        showLegend={false}
        yAxisWidth={48}
      />
    </figure>
  );
}
