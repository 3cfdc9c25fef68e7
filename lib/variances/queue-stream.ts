import type { Actor } from "@/lib/access/roles";
import type { ReportDate } from "@/lib/calendar-date";
import { cursorBatches, streamFromTransaction } from "@/lib/db/cursor";
import type { Database } from "@/lib/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";
import { loadQueueContext, type QueueSortItem, queueSelector } from "./queue";
import type { QueueFilters } from "./queue-filters";
import { type RawVarianceRow, toVarianceRow, varianceRowsSql } from "./variance-rows";
import { toVarianceView, type VarianceView } from "./variance-view";

/** Rows per FETCH: a batch of views is a couple of MB, whatever the queue's size. */
export const QUEUE_STREAM_BATCH = 1_000;

/** A download may be slow; past this its transaction (and connection) is given back. */
const STREAM_TIMEOUT_MS = 15 * 60_000;

const viewsOf = (batch: RawVarianceRow[], reportDate: ReportDate, today: ReportDate) =>
  batch.map((raw) => toVarianceView(toVarianceRow(raw), reportDate, today));

/**
 * Every variance the queue shows for these filters on `reportDate`, in its order, a batch at a
 * time. Memory holds one batch plus a few hundred bytes per selected variance (what the queue
 * sorts by), never all their details (~2 kB each as views). Two passes over one snapshot:
 * the first derives each variance's lifecycle (lib/variances/lifecycle.ts) and keeps, for those
 * the filters select, only what the queue sorts by; the sorted (type, key) list then orders
 * the second pass, which reads the full rows through a cursor. The filters and order are the
 * queue's own (queueSelector), so the file lists exactly what the pages show.
 */
export function streamQueueVariances(
  db: Database,
  actor: Actor,
  filters: QueueFilters,
  reportDate: ReportDate,
  today: ReportDate,
): AsyncGenerator<VarianceView[]> {
  return streamFromTransaction<VarianceView[]>(
    db,
    async (tx, emit) => {
      const selector = queueSelector(filters, actor, await loadQueueContext(tx, filters, reportDate));
      const placed: QueueSortItem[] = [];
      for await (const batch of cursorBatches<RawVarianceRow>(
        tx,
        "queue_selection",
        varianceRowsSql(reportDate),
        QUEUE_STREAM_BATCH,
      )) {
        for (const view of viewsOf(batch, reportDate, today)) {
          if (!selector.matchesButType(view) || !selector.matchesType(view)) continue;
          const { type, key, hostname, organization, daysOpen } = view;
          placed.push({ type, key, hostname, organization, daysOpen });
        }
      }
      if (placed.length === 0) return;
      placed.sort(selector.compare);
      const types = placed.map((item) => item.type);
      const keys = placed.map((item) => item.key);
      placed.length = 0;
      const inQueueOrder = Prisma.sql`
        SELECT r.* FROM (${varianceRowsSql(reportDate, { types, keys })}) r
        JOIN unnest(${types}::text[], ${keys}::text[]) WITH ORDINALITY AS o(type, key, position) ON o.type = r.type AND o.key = r.key
        ORDER BY o.position`;
      for await (const batch of cursorBatches<RawVarianceRow>(tx, "queue_export", inQueueOrder, QUEUE_STREAM_BATCH)) {
        await emit(viewsOf(batch, reportDate, today));
      }
    },
    { timeoutMs: STREAM_TIMEOUT_MS },
  );
}
