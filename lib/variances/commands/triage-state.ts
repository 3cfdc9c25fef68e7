import { type ReportDate, todayUtc } from "@/lib/calendar-date";
import type { variance_triage } from "@/lib/generated/prisma/client";
import { deriveLifecycle } from "../lifecycle";

/**
 * A variance's triage state as commands return it and the audit log records it (before
 * and after): plain JSON, dates as 'YYYY-MM-DD', times as ISO strings.
 */
export type TriageState = {
  version: number;
  assigneeUserId: string | null;
  resolvedAt: string | null;
  resolvedReportDate: ReportDate | null;
  resolvedByUserId: string | null;
  resolutionNote: string | null;
  snoozedUntil: ReportDate | null;
  snoozeReason: string | null;
  snoozedByUserId: string | null;
  updatedAt: string;
  updatedByUserId: string | null;
};

/** Every column of a triage row, named: commands read and audit the whole state. */
export const TRIAGE_SELECT = {
  variance_type: true,
  variance_key: true,
  version: true,
  assignee_user_id: true,
  resolved_at: true,
  resolved_report_date: true,
  resolved_by_user_id: true,
  resolution_note: true,
  snoozed_until: true,
  snooze_reason: true,
  snoozed_by_user_id: true,
  updated_at: true,
  updated_by_user_id: true,
} as const satisfies Record<keyof variance_triage, true>;

/** Prisma hands DATE columns over as UTC midnight. */
export const reportDateOf = (date: Date): ReportDate => date.toISOString().slice(0, 10);
export const dateColumn = (date: ReportDate) => new Date(`${date}T00:00:00Z`);

const optional = <T, R>(value: T | null, convert: (value: T) => R): R | null =>
  value === null ? null : convert(value);

export function triageStateOf(row: variance_triage): TriageState {
  return {
    version: row.version,
    assigneeUserId: row.assignee_user_id,
    resolvedAt: optional(row.resolved_at, (at) => at.toISOString()),
    resolvedReportDate: optional(row.resolved_report_date, reportDateOf),
    resolvedByUserId: row.resolved_by_user_id,
    resolutionNote: row.resolution_note,
    snoozedUntil: optional(row.snoozed_until, reportDateOf),
    snoozeReason: row.snooze_reason,
    snoozedByUserId: row.snoozed_by_user_id,
    updatedAt: row.updated_at.toISOString(),
    updatedByUserId: row.updated_by_user_id,
  };
}

/**
 * Resolved, and no report since has it again. A regressed variance is open again, so it
 * may be resolved (on its newer report) and snoozed like any open one.
 */
export function holdsResolution(triage: variance_triage, reportDate: ReportDate): boolean {
  const { status } = deriveLifecycle({
    reportDate,
    presentOnReport: true,
    resolvedReportDate: optional(triage.resolved_report_date, reportDateOf),
    // Snoozing never hides a resolution, so the clock does not matter here.
    snoozedUntil: null,
    today: todayUtc(),
  });
  return status === "resolved";
}
