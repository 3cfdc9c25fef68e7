"use client";

import { AreaChart } from "@tremor/react";
import { FAILURE_COLOR, VENDOR_COLORS } from "@/components/charts/chart-colors";
import { ChartLegend } from "@/components/charts/chart-legend";
import { useFormat } from "@/components/ui/format-provider";
import type { Format } from "@/lib/format";
import { DEVICE_VENDOR_NAMES } from "@/lib/inventory/vendors";
import type { CollectionFailure } from "@/lib/report-date/collection-failures";
import type { DeviceTrendPoint } from "@/lib/reports/overview-trends";

const failureMarkerName = (failure: CollectionFailure, format: Format) =>
  `${failure.vendor} failed ${format.reportDate(failure.date)}`;

/**
 * Devices per vendor per date. A vendor without a good collection leaves a gap
 * (connectNulls off); each failed collection gets its own one-point series, which Tremor
 * draws as a dot at the vendor's last good count, so the failure is marked, never a cliff to zero.
 */
export function DeviceTrendChart({ points, failures }: { points: DeviceTrendPoint[]; failures: CollectionFailure[] }) {
  const format = useFormat();
  const markers = failures.map((failure) => ({ failure, name: failureMarkerName(failure, format) }));
  const data = points.map((point) => {
    const row: Record<string, string | number> = { label: format.reportDate(point.date) };
    for (const vendor of DEVICE_VENDOR_NAMES) if (point[vendor] !== undefined) row[vendor] = point[vendor];
    for (const { failure, name } of markers)
      if (failure.date === point.date) row[name] = failure.lastGoodDevices ?? failure.devices;
    return row;
  });
  return (
    <>
      <ChartLegend
        label="Series"
        items={[
          ...DEVICE_VENDOR_NAMES.map((vendor) => ({ name: vendor, color: VENDOR_COLORS[vendor]! })),
          ...(markers.length > 0
            ? [{ name: "Failed collection (last good count)", color: FAILURE_COLOR, marker: true }]
            : []),
        ]}
      />
      <AreaChart
        className="mt-4 h-72"
        data={data}
        index="label"
        categories={[...DEVICE_VENDOR_NAMES, ...markers.map((marker) => marker.name)]}
        colors={[...DEVICE_VENDOR_NAMES.map((vendor) => VENDOR_COLORS[vendor]!), ...markers.map(() => FAILURE_COLOR)]}
        valueFormatter={format.count}
        connectNulls={false}
        showLegend={false}
        showAnimation={false}
        yAxisWidth={48}
      />
    </>
  );
}
