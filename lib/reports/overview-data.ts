import type { Actor } from "@/lib/auth/roles";
import { assertCan } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db/prisma";
import { getReportStatus, type ReportStatus } from "@/lib/inventory/report-status";
import { deviceTrend, devicesOn, openExceptionsByType, type DeviceTrendPoint, type DevicesPerVendor, type TypeCount } from "./overview";

export const OVERVIEW_TREND_DAYS = 90;

export interface OverviewData {
  status: ReportStatus;
  report: { date: string; devices: DevicesPerVendor; openExceptions: TypeCount[]; trend: DeviceTrendPoint[] } | null;
}

export async function getOverviewData(actor: Actor): Promise<OverviewData> {
  assertCan(actor, "dashboard:read");
  const db = getPrisma();
  const status = await getReportStatus(db);
  const date = status.latestMatchingDate;
  if (!date) return { status, report: null };
  const [openExceptions, trend] = await Promise.all([openExceptionsByType(db, date), deviceTrend(db, date, OVERVIEW_TREND_DAYS)]);
  return { status, report: { date, devices: devicesOn(trend, date), openExceptions, trend } };
}
