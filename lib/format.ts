import type { ReportDate } from "@/lib/inventory/report-date";

const numberFormat = new Intl.NumberFormat("en-US");
const reportDateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

export const formatCount = (value: number) => numberFormat.format(value);

/** A report date is a calendar date, never shifted into a time zone. */
export const formatReportDate = (date: ReportDate) => reportDateFormat.format(new Date(`${date}T00:00:00Z`));

const signedNumberFormat = new Intl.NumberFormat("en-US", { signDisplay: "exceptZero" });

/** A difference, with its sign: "+12", "-3", "0". */
export const formatSignedCount = (value: number) => signedNumberFormat.format(value);
