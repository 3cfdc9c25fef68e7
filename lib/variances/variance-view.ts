import { daysBetween, type ReportDate } from "@/lib/inventory/report-date";
import { deriveLifecycle, type Lifecycle } from "./lifecycle";
import { parseVarianceDetails, type ParsedDetails } from "./types/registry";
import type { VarianceRow } from "./variance-rows";

/** A variance as people see it on one report: its row, derived lifecycle and readable details. */
export interface VarianceView extends VarianceRow {
  lifecycle: Lifecycle;
  parsed: ParsedDetails;
  organization: string;
  summary: string;
  daysOpen: number;
}

export function toVarianceView(row: VarianceRow, reportDate: ReportDate, today: ReportDate): VarianceView {
  const parsed = parseVarianceDetails(row.type, row.details, row.hostname);
  return {
    ...row,
    lifecycle: deriveLifecycle({
      reportDate,
      presentOnReport: row.rowsOnReport > 0,
      resolvedReportDate: row.resolvedReportDate,
      snoozedUntil: row.snoozedUntil,
      today,
    }),
    parsed,
    organization: parsed.organization,
    summary: parsed.summary,
    daysOpen: daysBetween(row.firstSeen, row.lastSeen),
  };
}
