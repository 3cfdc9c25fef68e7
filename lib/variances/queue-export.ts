import { z } from "zod";
import type { Actor } from "@/lib/access/roles";
import { type ReportDate, todayUtc } from "@/lib/calendar-date";
import type { Database } from "@/lib/db/prisma";
import { csvStream } from "@/lib/export/csv-stream";
import type { Download } from "@/lib/export/download";
import type { CellValue } from "@/lib/export/spreadsheet-safety";
import { xlsxStream } from "@/lib/export/xlsx-stream";
import { refreshVarianceHistory } from "@/lib/rollups/variance-rollup";
import { queueReportDate } from "./queue";
import { type QueueFilters, queueFiltersSchema } from "./queue-filters";
import { streamQueueVariances } from "./queue-stream";
import type { VarianceView } from "./variance-view";

export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The queue's URL query plus the file format; the filters stay as forgiving as the page's. */
export const queueExportQuerySchema = queueFiltersSchema.extend({
  format: z.enum(EXPORT_FORMATS, "format must be csv or xlsx"),
});

const COLUMNS: readonly { header: string; value: (item: VarianceView) => CellValue }[] = [
  { header: "Type", value: (item) => item.type },
  { header: "Hostname", value: (item) => item.hostname },
  { header: "Organisation", value: (item) => item.organization },
  { header: "Summary", value: (item) => item.summary },
  { header: "First seen", value: (item) => item.firstSeen },
  { header: "Last seen", value: (item) => item.lastSeen },
  { header: "Days open", value: (item) => item.daysOpen },
  { header: "Status", value: (item) => item.lifecycle.status },
  { header: "Regressed", value: (item) => (item.lifecycle.regressed ? "yes" : "no") },
  { header: "Assignee", value: (item) => item.assigneeName },
  { header: "Resolved by", value: (item) => item.resolvedByName },
  { header: "Resolved at", value: (item) => item.resolvedAt?.toISOString() ?? null },
  { header: "Resolution", value: (item) => item.resolutionNote },
  { header: "Note count", value: (item) => item.noteCount },
  // Raw, as upstream wrote it, for whatever the summary leaves out.
  { header: "Details (JSON)", value: (item) => JSON.stringify(item.details) },
];

export const QUEUE_EXPORT_HEADER: readonly string[] = COLUMNS.map((column) => column.header);

/** A variance's cells, in QUEUE_EXPORT_HEADER's order. */
export const queueExportRow = (item: VarianceView): CellValue[] => COLUMNS.map((column) => column.value(item));

/** One row per variance, made as the writer asks for it rather than all up front. */
async function* exportRows(batches: AsyncIterable<readonly VarianceView[]>): AsyncGenerator<CellValue[]> {
  for await (const items of batches) for (const item of items) yield queueExportRow(item);
}

async function* noVariances(): AsyncGenerator<VarianceView[]> {}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/**
 * The queue as a file: every variance it shows for these filters, all pages, in its order.
 * The permission is checked and the report chosen before this returns, so a refusal is an
 * answer rather than a broken download; the variances are read in batches as the file is
 * written (lib/variances/queue-stream.ts), so memory stays flat however many there are.
 */
export async function exportQueue(
  db: Database,
  actor: Actor,
  filters: QueueFilters,
  format: ExportFormat,
  today: ReportDate = todayUtc(),
): Promise<Download> {
  const { reportDate } = await queueReportDate(db, actor, filters, today);
  if (reportDate) await refreshVarianceHistory(db, reportDate); // writes: the rollup catches up with the checks' rows
  const name = reportDate ? `variances-${reportDate}-${filters.status}` : `variances-${filters.status}`;
  const rows = exportRows(reportDate ? streamQueueVariances(db, actor, filters, reportDate, today) : noVariances());
  return {
    filename: `${name}.${format}`,
    contentType: CONTENT_TYPES[format],
    body: format === "csv" ? csvStream(QUEUE_EXPORT_HEADER, rows) : xlsxStream("Variances", QUEUE_EXPORT_HEADER, rows),
  };
}
