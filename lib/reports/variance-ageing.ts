import { assertCan } from "@/lib/access/permissions";
import type { Actor } from "@/lib/access/roles";
import { daysBetween, type ReportDate } from "@/lib/calendar-date";
import type { Database } from "@/lib/db/prisma";
import { isOpenOn, reportVarianceGroups } from "./variance-groups";
import { compareVarianceTypes } from "./variance-type-order";

/** Age bands of an open variance, by days since first seen (as the queue's "days open"). */
export const AGE_BANDS = [
  { label: "0–1 days", maxDays: 1 },
  { label: "2–7 days", maxDays: 7 },
  { label: "8–30 days", maxDays: 30 },
  { label: "31+ days", maxDays: Number.POSITIVE_INFINITY },
] as const;

export interface AgeingRow {
  type: string;
  /** Open variances per band, in AGE_BANDS order. */
  bands: number[];
  total: number;
}

export interface VarianceAgeing {
  reportDate: ReportDate;
  rows: AgeingRow[];
  totals: AgeingRow["bands"];
}

export const ageBand = (days: number) => AGE_BANDS.findIndex((band) => days <= band.maxDays);

/** Open variances of the report per type and age band. */
export async function getVarianceAgeing(
  db: Database,
  actor: Actor,
  reportDate: ReportDate,
  today: ReportDate,
): Promise<VarianceAgeing> {
  assertCan(actor, "dashboard:read");
  const groups = (await reportVarianceGroups(db, reportDate)).filter((group) => isOpenOn(group, reportDate, today));
  const byType = new Map<string, number[]>();
  for (const group of groups) {
    const bands = byType.get(group.type) ?? AGE_BANDS.map(() => 0);
    bands[ageBand(daysBetween(group.firstSeen, reportDate))]! += group.variances;
    byType.set(group.type, bands);
  }
  const rows = [...byType]
    .map(([type, bands]) => ({ type, bands, total: bands.reduce((sum, count) => sum + count, 0) }))
    .sort((a, b) => compareVarianceTypes(a.type, b.type));
  return { reportDate, rows, totals: AGE_BANDS.map((_, band) => rows.reduce((sum, row) => sum + row.bands[band]!, 0)) };
}
