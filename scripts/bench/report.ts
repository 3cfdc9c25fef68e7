import type { ActionFigures } from "./actions";
import type { ExportFigures } from "./export";
import type { LatencySummary } from "./load";
import type { BenchTargets } from "./routes";

export interface RouteFigures {
  name: string;
  path: string;
  concurrency1: LatencySummary;
  concurrency8: LatencySummary;
  dataFloorMs: number;
  firstLoadJsKb: number | null;
}

export interface BenchReport {
  tier: string;
  upstreamIndexes: boolean;
  measuredAt: string;
  machine: string;
  seconds: number;
  targets: BenchTargets;
  routes: RouteFigures[];
  /** Null when only some routes were measured (--only). */
  actions: ActionFigures | null;
  csvExport: ExportFigures | null;
  memoryMb: { idle: number; peak: number };
}

/** The bound on every route: p95 within 3× its data floor plus 50 ms. */
const withinFloorBound = (p95: number, floorMs: number) => p95 <= 3 * floorMs + 50;

const cells = (summary: LatencySummary) =>
  [summary.p50, summary.p95, summary.max, summary.rps, summary.errors].map(String);

export function printReport(report: BenchReport) {
  const header = [
    "route",
    "c1 p50",
    "c1 p95",
    "c1 max",
    "c1 rps",
    "c1 err",
    "c8 p50",
    "c8 p95",
    "c8 max",
    "c8 rps",
    "c8 err",
    "floor",
    "≤3×floor+50",
    "JS kB gz",
  ];
  const rows = report.routes.map((route) => [
    route.name,
    ...cells(route.concurrency1),
    ...cells(route.concurrency8),
    String(route.dataFloorMs),
    withinFloorBound(route.concurrency1.p95, route.dataFloorMs) ? "yes" : "NO",
    route.firstLoadJsKb === null ? "–" : String(route.firstLoadJsKb),
  ]);
  const resolve = report.actions?.resolve;
  if (resolve) {
    rows.push([
      "resolve action",
      ...cells(resolve.concurrency1),
      ...cells(resolve.concurrency8),
      String(resolve.dataFloorMs),
      withinFloorBound(resolve.concurrency1.p95, resolve.dataFloorMs) ? "yes" : "NO",
      "–",
    ]);
  }
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) =>
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join("  ");

  console.log(
    `\nTier ${report.tier}${report.upstreamIndexes ? " with the recommended upstream indexes" : ""}, ${report.measuredAt}, ${report.machine}`,
  );
  console.log(
    `Latency in ms (autocannon, ${report.seconds} s per run after a warm-up); floor = the route's lib calls without HTTP or rendering (median).\n`,
  );
  console.log(line(header));
  console.log(widths.map((width) => "-".repeat(width)).join("  "));
  for (const row of rows) console.log(line(row));
  if (report.actions) {
    const { resolve: single, bulkResolve } = report.actions;
    console.log(
      `\nResolve action: ${single.concurrency1.requests + single.concurrency8.requests} requests, ${single.resolvedInDatabase} resolutions in the database (+5 floor calls).`,
    );
    console.log(
      `Bulk resolve of ${bulkResolve.variances}: ${bulkResolve.runsMs.join(" / ")} ms (changed ${bulkResolve.changed.join(" / ")}).`,
    );
  }
  const csv = report.csvExport;
  if (csv)
    console.log(
      `CSV export: ${csv.rows} rows, ${csv.megabytes} MB in ${csv.seconds} s; server memory ${csv.memoryBeforeMb} MB before, +${csv.memoryGrowthMb} MB at peak.`,
    );
  console.log(`Server memory: ${report.memoryMb.idle} MB after start-up, ${report.memoryMb.peak} MB peak.`);
}
