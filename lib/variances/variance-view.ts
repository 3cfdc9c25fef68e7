import { daysBetween, type ReportDate } from "@/lib/calendar-date";
import { type ParsedDetails, parseVarianceDetails } from "@/lib/variances/type-registry/registry";
import { deriveLifecycle, type Lifecycle } from "./lifecycle";
import type { VarianceRow } from "./variance-rows";

/** A variance as people see it on one report: its row, derived lifecycle and readable details. */
export interface VarianceView extends VarianceRow {
  lifecycle: Lifecycle;
  parsed: ParsedDetails;
  organization: string;
  summary: string;
  daysOpen: number;
}

/** Enough for the queue of a fleet of 25,000 devices per vendor several times over (~1 kB each). */
const PARSED_CACHE_SIZE = 20_000;
const parsedByRow = new Map<string, ParsedDetails>();

/**
 * A row's details parsed with its type's schema, once per process: an exceptions row's
 * hostname and details never change (the checks re-create rows, with new ids), and parsing
 * thousands of them was a third of the queue's time at 25,000 devices per vendor.
 */
function parsedDetails(row: VarianceRow): ParsedDetails {
  const cacheKey = `${row.type}\u0000${row.rowId}`;
  const cached = parsedByRow.get(cacheKey);
  if (cached) return cached;
  const parsed = parseVarianceDetails(row.type, row.details, row.hostname);
  // Oldest first out: a Map iterates in insertion order.
  if (parsedByRow.size >= PARSED_CACHE_SIZE) parsedByRow.delete(parsedByRow.keys().next().value!);
  parsedByRow.set(cacheKey, parsed);
  return parsed;
}

export function toVarianceView(row: VarianceRow, reportDate: ReportDate, today: ReportDate): VarianceView {
  const parsed = parsedDetails(row);
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
