import type { ReportDate } from "@/lib/calendar-date";

/**
 * What a person sees a variance as, derived from the reports and its triage state (never
 * stored twice). See DESIGN.md "The one idea everything rests on".
 */
export type LifecycleStatus = "open" | "resolved" | "verified" | "snoozed" | "cleared";

export const SNOOZE_DAYS = [7, 14, 30, 90] as const;

export interface LifecycleInput {
  /** The report being looked at: the latest matching date, or a past date chosen in the queue. */
  reportDate: ReportDate;
  /** The variance has exception rows on reportDate. */
  presentOnReport: boolean;
  /** The report date a person resolved it on, if it is resolved. */
  resolvedReportDate: ReportDate | null;
  /** Snoozed until this calendar date (exclusive: it is back on that day). */
  snoozedUntil: ReportDate | null;
  /** The clock's date (UTC), for snooze expiry. */
  today: ReportDate;
}

export interface Lifecycle {
  status: LifecycleStatus;
  /** Resolved, yet a later report still has it: shown as open, and flagged. */
  regressed: boolean;
}

export function deriveLifecycle(input: LifecycleInput): Lifecycle {
  const { reportDate, presentOnReport, snoozedUntil, today } = input;
  // On a past report, a resolution made later had not happened yet.
  const resolvedOn =
    input.resolvedReportDate !== null && input.resolvedReportDate <= reportDate ? input.resolvedReportDate : null;
  const laterReport = resolvedOn !== null && reportDate > resolvedOn;
  const regressed = laterReport && presentOnReport;

  if (resolvedOn !== null && !regressed) {
    return { status: laterReport ? "verified" : "resolved", regressed: false };
  }
  if (!presentOnReport) return { status: "cleared", regressed };
  if (snoozedUntil !== null && today < snoozedUntil) return { status: "snoozed", regressed };
  return { status: "open", regressed };
}

export const isResolvedStatus = (status: LifecycleStatus) => status === "resolved" || status === "verified";
