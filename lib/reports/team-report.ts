import { assertCan } from "@/lib/access/permissions";
import type { Actor } from "@/lib/access/roles";
import type { ReportDate } from "@/lib/calendar-date";
import type { Database } from "@/lib/db/prisma";
import { median } from "./median";
import { RECENTLY_RESOLVED_DAYS, resolutionsUpTo, resolvedWithin, TIME_TO_RESOLVE_DAYS } from "./resolutions";
import { isOpenOn, reportVarianceGroups } from "./variance-groups";
import { compareVarianceTypes } from "./variance-type-order";

export interface TechnicianFigures {
  userId: string;
  name: string;
  role: string;
  disabled: boolean;
  openAssigned: number;
  resolvedLast7Days: number;
  resolvedLast30Days: number;
  /** Median report days from first seen to resolution over the last 30 days; null when none. */
  medianDaysToResolve: number | null;
}

export interface TeamReport {
  reportDate: ReportDate;
  technicians: TechnicianFigures[];
  unassigned: { type: string; open: number }[];
}

/**
 * Who is fixing variances: per technician (and anyone else holding or resolving work), the
 * open variances assigned on the report and the resolutions of the last 7 and 30 days.
 */
export async function getTeamReport(
  db: Database,
  actor: Actor,
  reportDate: ReportDate,
  today: ReportDate,
): Promise<TeamReport> {
  assertCan(actor, "team:read");
  const [groups, resolutions] = await Promise.all([
    reportVarianceGroups(db, reportDate),
    resolutionsUpTo(db, reportDate, TIME_TO_RESOLVE_DAYS, today),
  ]);
  const open = groups.filter((group) => isOpenOn(group, reportDate, today));
  const involved = new Set([
    ...open.flatMap((group) => (group.assigneeId ? [group.assigneeId] : [])),
    ...resolutions.map((resolution) => resolution.resolvedById),
  ]);
  const users = await db.users.findMany({
    where: { OR: [{ role: "technician", disabled_at: null }, { id: { in: [...involved] } }] },
    select: { id: true, name: true, role: true, disabled_at: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  const technicians = users.map((user) => {
    const theirs = resolutions.filter((resolution) => resolution.resolvedById === user.id);
    return {
      userId: user.id,
      name: user.name,
      role: user.role,
      disabled: user.disabled_at !== null,
      openAssigned: open
        .filter((group) => group.assigneeId === user.id)
        .reduce((sum, group) => sum + group.variances, 0),
      resolvedLast7Days: resolvedWithin(theirs, reportDate, RECENTLY_RESOLVED_DAYS).length,
      resolvedLast30Days: theirs.length,
      medianDaysToResolve: median(theirs.map((resolution) => resolution.daysToResolve)),
    };
  });
  const unassigned = new Map<string, number>();
  for (const group of open)
    if (!group.assigneeId) unassigned.set(group.type, (unassigned.get(group.type) ?? 0) + group.variances);
  return {
    reportDate,
    technicians,
    unassigned: [...unassigned]
      .map(([type, count]) => ({ type, open: count }))
      .sort((a, b) => compareVarianceTypes(a.type, b.type)),
  };
}
