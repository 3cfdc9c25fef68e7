import type { Actor } from "@/lib/auth/roles";
import { assertCan } from "@/lib/auth/permissions";
import type { Database } from "@/lib/db/prisma";
import { latestCollectorRuns, type CollectorRun } from "./collector-runs";
import { todayUtc, type ReportDate } from "./report-date";
import { getReportStatus, type ReportStatus } from "./report-status";

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
