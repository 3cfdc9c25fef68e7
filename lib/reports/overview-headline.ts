import { assertCan } from "@/lib/access/permissions";
import type { Actor } from "@/lib/access/roles";
import { addDays, type ReportDate } from "@/lib/calendar-date";
import type { Database } from "@/lib/db/prisma";
import { VARIANCE_KEY_SQL } from "@/lib/inventory/hostname-key-sql";
import { devicesOn } from "@/lib/inventory/vendor-day-counts";
import { getDeviceVendorIds, NINJA, THREATLOCKER } from "@/lib/inventory/vendors";
import {
  comparisonReport,
  loadReportCalendar,
  type ReportCalendar,
  reportBefore,
} from "@/lib/report-date/report-calendar";
import { median } from "./median";
import { RECENTLY_RESOLVED_DAYS, resolutionsUpTo, resolvedWithin, TIME_TO_RESOLVE_DAYS } from "./resolutions";
import { datedVarianceGroups, isOpenOn } from "./variance-groups";

/** The variance type of a ThreatLocker license on a spare Ninja device (reference §5). */
export const LICENSE_WASTE_TYPE = "SPARE_MISMATCH";

export interface HeadlineFigures {
  ninjaDevices: number;
  threatlockerDevices: number;
  billableDevices: number;
  spareDevices: number;
  openVariances: number;
  /** Present on this report, absent from the previous trustworthy one; null without one. */
  newVariances: number | null;
  resolvedLast7Days: number;
  /** Median report days from first seen to resolution, over the last 30 days; null when nothing was resolved. */
  medianDaysToResolve: number | null;
  /** Open variances of LICENSE_WASTE_TYPE (variances, not exception rows: a device listed twice is one license). */
  licenseWaste: number;
}

export interface OverviewHeadline {
  reportDate: ReportDate;
  previousReportDate: ReportDate | null;
  current: HeadlineFigures;
  /** The same figures on the report about a week earlier, when there is one. */
  comparison: { reportDate: ReportDate; figures: HeadlineFigures } | null;
}

// Room for the comparison report, its own previous report and a failed day or two in between.
const HEADLINE_LOOKBACK_DAYS = 21;

async function ninjaBillingCounts(db: Database, date: ReportDate) {
  const ninjaId = (await getDeviceVendorIds(db))[NINJA] ?? -1;
  const rows = await db.$queryRaw<{ code: string; devices: number }[]>`
    SELECT b.code, count(*)::int AS devices
    FROM device_snapshot s JOIN billing_status b ON b.id = s.billing_status_id
    WHERE s.snapshot_date = ${date}::date AND s.vendor_id = ${ninjaId}
    GROUP BY b.code`;
  const count = (code: string) => rows.find((row) => row.code === code)?.devices ?? 0;
  return { billable: count("billable"), spare: count("spare") };
}

async function newVariances(db: Database, date: ReportDate, previous: ReportDate) {
  const [row] = await db.$queryRaw<{ variances: number }[]>`
    SELECT count(*)::int AS variances FROM (
      SELECT e.type, ${VARIANCE_KEY_SQL} FROM exceptions e WHERE e.date_found = ${date}::date
      EXCEPT
      SELECT e.type, ${VARIANCE_KEY_SQL} FROM exceptions e WHERE e.date_found = ${previous}::date
    ) AS appeared`;
  return row?.variances ?? 0;
}

async function figuresOn(
  db: Database,
  calendar: ReportCalendar,
  date: ReportDate,
  today: ReportDate,
): Promise<HeadlineFigures> {
  const previous = reportBefore(calendar, date);
  const [billing, groups, appeared, resolutions] = await Promise.all([
    ninjaBillingCounts(db, date),
    datedVarianceGroups(db, date, date),
    previous ? newVariances(db, date, previous) : null,
    resolutionsUpTo(db, date, TIME_TO_RESOLVE_DAYS, today),
  ]);
  const open = groups.filter((group) => isOpenOn(group, date, today));
  const countOf = (list: typeof open) => list.reduce((sum, group) => sum + group.variances, 0);
  const devices = devicesOn(calendar.counts, date);
  return {
    ninjaDevices: devices[NINJA],
    threatlockerDevices: devices[THREATLOCKER],
    billableDevices: billing.billable,
    spareDevices: billing.spare,
    openVariances: countOf(open),
    newVariances: appeared,
    resolvedLast7Days: resolvedWithin(resolutions, date, RECENTLY_RESOLVED_DAYS).length,
    medianDaysToResolve: median(resolutions.map((resolution) => resolution.daysToResolve)),
    licenseWaste: countOf(open.filter((group) => group.type === LICENSE_WASTE_TYPE)),
  };
}

/** The overview's headline cards for one report, each with the figure of the report about a week earlier. */
export async function getOverviewHeadline(
  db: Database,
  actor: Actor,
  reportDate: ReportDate,
  today: ReportDate,
): Promise<OverviewHeadline> {
  assertCan(actor, "dashboard:read");
  const calendar = await loadReportCalendar(db, addDays(reportDate, -HEADLINE_LOOKBACK_DAYS), reportDate);
  const comparisonDate = comparisonReport(calendar, reportDate);
  const [current, earlier] = await Promise.all([
    figuresOn(db, calendar, reportDate, today),
    comparisonDate ? figuresOn(db, calendar, comparisonDate, today) : null,
  ]);
  return {
    reportDate,
    previousReportDate: reportBefore(calendar, reportDate),
    current,
    comparison: comparisonDate && earlier ? { reportDate: comparisonDate, figures: earlier } : null,
  };
}
