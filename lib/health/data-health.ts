import { assertCan } from "@/lib/access/permissions";
import type { Actor } from "@/lib/access/roles";
import { type ReportDate, todayUtc } from "@/lib/calendar-date";
import type { Database } from "@/lib/db/prisma";
import { type CollectorRun, latestCollectorRuns } from "@/lib/inventory/collector-runs";
import { getReportStatus, type ReportStatus } from "@/lib/report-date/report-status";

/** What the banner on every page tells people before they act on a day's data. */
export interface DataHealth {
  status: ReportStatus;
  collectorRuns: CollectorRun[];
}

export async function getDataHealth(db: Database, actor: Actor, today: ReportDate = todayUtc()): Promise<DataHealth> {
  assertCan(actor, "dashboard:read");
  const [status, collectorRuns] = await Promise.all([getReportStatus(db, today), latestCollectorRuns(db)]);
  return { status, collectorRuns };
}
