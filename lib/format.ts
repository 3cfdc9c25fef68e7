import type { ReportDate } from "@/lib/inventory/report-date";

const numberFormat = new Intl.NumberFormat("en-US");
const reportDateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

export const formatCount = (value: number) => numberFormat.format(value);

/** A report date is a calendar date, never shifted into a time zone. */
export const formatReportDate = (date: ReportDate) => reportDateFormat.format(new Date(`${date}T00:00:00Z`));

const decimalFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

/** A figure that may be fractional, such as a median, to one decimal place. */
export const formatDecimal = (value: number) => decimalFormat.format(value);

/** A change between two counts with its sign: "+3", "−2", "±0". */
export const formatChange = (value: number) => (value > 0 ? `+${decimalFormat.format(value)}` : value < 0 ? `−${decimalFormat.format(-value)}` : "±0");

/** A run's duration, coarse enough to read at a glance: "45 s", "5 min 2 s", "1 h 4 min". */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min${seconds % 60 ? ` ${seconds % 60} s` : ""}`;
  const minutes = Math.round((seconds % 3600) / 60);
  return `${Math.floor(seconds / 3600)} h${minutes ? ` ${minutes} min` : ""}`;
}
