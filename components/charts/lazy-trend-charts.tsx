"use client";

import dynamic from "next/dynamic";
import { SkeletonBlock } from "@/components/ui/skeleton";

// The charting code (Tremor over Recharts) is most of a page's JavaScript, and a chart cannot
// render on the server anyway (it measures its container), so it loads after the page is
// interactive instead of delaying it. The placeholder keeps the chart's legend and plot height.
const chartPlaceholder = () => <SkeletonBlock className="h-[20.5rem]" />;

export const DeviceTrendChart = dynamic(
  () => import("@/components/overview/device-trend-chart").then((module) => module.DeviceTrendChart),
  {
    ssr: false,
    loading: chartPlaceholder,
  },
);

export const VarianceTrendChart = dynamic(
  () => import("@/components/overview/variance-trend-chart").then((module) => module.VarianceTrendChart),
  {
    ssr: false,
    loading: chartPlaceholder,
  },
);
