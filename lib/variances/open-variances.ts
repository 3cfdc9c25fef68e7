import type { ReportDate } from "@/lib/calendar-date";
import type { Database } from "@/lib/db/prisma";
import { refreshVarianceHistory } from "@/lib/rollups/variance-rollup";
import { loadVarianceRows } from "./variance-rows";
import { toVarianceView, type VarianceView } from "./variance-view";

/**
 * The variances open on a report exactly as the queue's "open" filter shows them: the
 * lifecycle (lib/variances/lifecycle.ts) decides, so resolved, snoozed and cleared ones are out.
 */
export async function openVariancesOn(
  db: Database,
  reportDate: ReportDate,
  today: ReportDate,
): Promise<VarianceView[]> {
  await refreshVarianceHistory(db, reportDate); // writes: the rollup catches up with the checks' rows
  const rows = await loadVarianceRows(db, reportDate);
  return rows.map((row) => toVarianceView(row, reportDate, today)).filter((view) => view.lifecycle.status === "open");
}
