import type { ReportDate } from "@/lib/calendar-date";
import { Prisma } from "@/lib/generated/prisma/client";

/** Where a query keeps deriveLifecycle's inputs: SQL expressions over its own columns. */
export interface LifecycleColumns {
  /** boolean: the variance has exception rows on the report date. */
  presentOnReport: Prisma.Sql;
  /** date or NULL: the report date a person resolved it on. */
  resolvedReportDate: Prisma.Sql;
  /** date or NULL: snoozed until (exclusive). */
  snoozedUntil: Prisma.Sql;
}

/**
 * deriveLifecycle (lifecycle.ts) as SQL, so the queue can filter, count and sort by status in
 * the database. The same steps in the same order; tests/integration/lifecycle-sql.test.ts
 * requires both to agree on random histories and triage states, for any report date.
 */
export function lifecycleSql(columns: LifecycleColumns, reportDate: ReportDate, today: ReportDate) {
  const report = Prisma.sql`${reportDate}::date`;
  // On a past report, a resolution made later had not happened yet.
  const resolvedOn = Prisma.sql`(CASE WHEN ${columns.resolvedReportDate} <= ${report} THEN ${columns.resolvedReportDate} END)`;
  const laterReport = Prisma.sql`(${resolvedOn} IS NOT NULL AND ${report} > ${resolvedOn})`;
  const regressed = Prisma.sql`(${laterReport} AND ${columns.presentOnReport})`;
  const status = Prisma.sql`(CASE
    WHEN ${resolvedOn} IS NOT NULL AND NOT ${regressed} THEN (CASE WHEN ${laterReport} THEN 'verified' ELSE 'resolved' END)
    WHEN NOT ${columns.presentOnReport} THEN 'cleared'
    WHEN ${columns.snoozedUntil} IS NOT NULL AND ${today}::date < ${columns.snoozedUntil} THEN 'snoozed'
    ELSE 'open'
  END)`;
  return { status, regressed };
}
