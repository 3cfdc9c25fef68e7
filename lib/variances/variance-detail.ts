import { assertCan } from "@/lib/access/permissions";
import type { Actor } from "@/lib/access/roles";
import { addDays, type ReportDate, todayUtc } from "@/lib/calendar-date";
import { presentOptionalColumns } from "@/lib/db/optional-columns";
import type { Database } from "@/lib/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DeviceFields } from "@/lib/inventory/device-fields";
import { deviceLocationSql } from "@/lib/inventory/device-location-sql";
import { NETBIOS_LENGTH } from "@/lib/inventory/hostname-key";
import { hostnameKeySql } from "@/lib/inventory/hostname-key-sql";
import { NINJA, THREATLOCKER } from "@/lib/inventory/vendors";
import { getReportStatus } from "@/lib/report-date/report-status";
import { refreshVarianceHistory } from "@/lib/rollups/variance-rollup";
import { describeActivity } from "./activity";
import { type VarianceId, varianceSubjectId } from "./variance-key";
import { loadVarianceRows } from "./variance-rows";
import { toVarianceView, type VarianceView } from "./variance-view";

export const PRESENCE_DAYS = 60;

export interface VendorDevice extends DeviceFields {
  status: string | null;
}

export interface ActivityEntry {
  id: string;
  at: Date;
  actorName: string;
  description: string;
}

export interface VarianceDetail {
  reportDate: ReportDate;
  view: VarianceView;
  presence: { date: ReportDate; present: boolean }[];
  devices: VendorDevice[];
  /** Notes and triage, one timeline, newest first (a note's entry carries its text). */
  activity: ActivityEntry[];
}

/** The devices of a variance's key on one date, both vendors (15-character NetBIOS names included). */
async function devicesOn(db: Database, key: string, date: ReportDate): Promise<VendorDevice[]> {
  const snapshotKey = hostnameKeySql(Prisma.raw("s.hostname"));
  const location = deviceLocationSql(await presentOptionalColumns(db), "s");
  // Billing status by its code, as everywhere: billable_status_name is a hand-added column.
  return db.$queryRaw<VendorDevice[]>`
    SELECT v.name AS vendor, s.hostname, s.display_name AS "displayName", s.organization_name AS organization,
           ${location} AS location, b.code AS "billingStatus", s.os_name AS os,
           s.last_online AS "lastOnline", s.agent_version AS "agentVersion", s.security_mode AS "securityMode",
           s.device_status AS status
    FROM device_snapshot s JOIN vendor v ON v.id = s.vendor_id
    LEFT JOIN billing_status b ON b.id = s.billing_status_id
    WHERE s.snapshot_date = ${date}::date AND v.name IN (${NINJA}, ${THREATLOCKER})
      AND (${snapshotKey} = ${key} OR (length(${snapshotKey}) = ${NETBIOS_LENGTH} AND left(${key}, ${NETBIOS_LENGTH}) = ${snapshotKey}))
    ORDER BY v.name, s.hostname`;
}

async function presence(db: Database, id: VarianceId, reportDate: ReportDate) {
  const from = addDays(reportDate, -(PRESENCE_DAYS - 1));
  // The presence rollup, which getVarianceDetail brought up to date for this report.
  const rows = await db.$queryRaw<{ date: string }[]>`
    SELECT date_found::text AS date FROM variance_dashboard.variance_presence_rollup
    WHERE variance_type = ${id.type} AND variance_key = ${id.key} AND date_found BETWEEN ${from}::date AND ${reportDate}::date`;
  const seen = new Set(rows.map((row) => row.date));
  return Array.from({ length: PRESENCE_DAYS }, (_, offset) => {
    const date = addDays(from, offset);
    return { date, present: seen.has(date) };
  });
}

/** Everything the variance page shows, on the latest matching date; null when no such variance exists. */
export async function getVarianceDetail(
  db: Database,
  actor: Actor,
  id: VarianceId,
  today: ReportDate = todayUtc(),
): Promise<VarianceDetail | null> {
  assertCan(actor, "dashboard:read");
  const status = await getReportStatus(db, today);
  const reportDate = status.latestMatchingDate;
  if (!reportDate) return null;
  await refreshVarianceHistory(db, reportDate); // writes: the rollup catches up with the checks' rows
  const [row] = await loadVarianceRows(db, reportDate, id);
  if (!row) return null;
  const subjectId = varianceSubjectId(id);
  const [presenceDays, devices, notes, events] = await Promise.all([
    presence(db, id, reportDate),
    devicesOn(db, id.key, row.lastSeen),
    db.variance_notes.findMany({
      where: { variance_type: id.type, variance_key: id.key },
      select: { id: true, body: true },
    }),
    db.audit_events.findMany({
      where: { subject_type: "variance", subject_id: subjectId },
      orderBy: [{ occurred_at: "desc" }, { id: "desc" }],
      select: {
        id: true,
        occurred_at: true,
        action: true,
        details: true,
        actor_email: true,
        users: { select: { name: true } },
      },
    }),
  ]);
  const noteBodies = new Map(notes.map((note) => [String(note.id), note.body]));
  return {
    reportDate,
    view: toVarianceView(row, reportDate, today),
    presence: presenceDays,
    devices,
    activity: events.map((event) => ({
      id: String(event.id),
      at: event.occurred_at,
      actorName: event.users?.name ?? event.actor_email,
      description: describeActivity(event.action, (event.details ?? {}) as Record<string, unknown>, noteBodies),
    })),
  };
}
