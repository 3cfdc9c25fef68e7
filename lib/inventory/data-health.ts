import { assertCan } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/roles";
import type { Database } from "@/lib/db/prisma";
import { type CollectorRun, latestCollectorRuns } from "./collector-runs";
import { type ReportDate, todayUtc } from "./report-date";
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
