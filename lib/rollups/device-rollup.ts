import type { ReportDate } from "@/lib/calendar-date";
import type { Database } from "@/lib/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";
import { ORGANIZATION_NAME_SQL } from "@/lib/inventory/snapshot-organization";
import { markChecked, recentlyChecked } from "./recheck-memo";
import { datesToCheck, inDateBatches, type RecomputeDates, recomputeStaleDates } from "./rollup-refresh";

/** Rows per vendor on a date, as device_snapshot holds them now. */
export interface VendorIdDayCount {
  date: ReportDate;
  vendorId: number;
  devices: number;
}

const ROLLUP = "device_count";

const nameSql = ORGANIZATION_NAME_SQL(Prisma.raw("s.organization_name"));

/**
 * The stored fingerprints' row counts in the window, the dates that got rows after their last
 * refresh, and the first date with rows at all: the days of a window before it have nothing
 * to check (rows that arrive there later are found by their ids, and move that first date).
 */
async function storedState(db: Database, from: ReportDate, to: ReportDate) {
  const [stored, [watermark]] = await Promise.all([
    db.$queryRaw<{ date: string; vendor_id: number; devices: number }[]>`
      SELECT snapshot_date::text AS date, vendor_id, row_count AS devices FROM variance_dashboard.device_rollup_state
      WHERE snapshot_date BETWEEN ${from}::date AND ${to}::date`,
    db.$queryRaw<{ max_id: number | null; first: ReportDate | null }[]>`
      SELECT (SELECT max(max_id) FROM variance_dashboard.device_rollup_state) AS max_id, (SELECT min(snapshot_date)::text FROM device_snapshot) AS first`,
  ]);
  // The watermark goes in as a value, so the planner sees how few ids lie above it and walks the primary key.
  const inserted =
    watermark?.max_id == null
      ? []
      : await db.$queryRaw<{ date: string }[]>`
          SELECT DISTINCT s.snapshot_date::text AS date FROM device_snapshot s
          WHERE s.id > ${watermark.max_id}::int AND s.snapshot_date BETWEEN ${from}::date AND ${to}::date`;
  return { stored, inserted: inserted.map((row) => row.date), first: watermark?.first ?? null };
}

/**
 * Each (date, vendor) of `dates` with its rows' fingerprint, compared with the one its rollup
 * was computed from: one GROUP BY over those dates' rows (ix_device_snapshot_snapshot_date),
 * which yields the devices per vendor per date on the way.
 */
async function fingerprintDates(db: Database, dates: ReportDate[]) {
  return db.$queryRaw<{ date: string; vendor_id: number; devices: number | null; stale: boolean }[]>`
    WITH now_rows AS (
      SELECT s.snapshot_date, s.vendor_id, count(*)::int AS row_count, max(s.id) AS max_id, max(s.created_at) AS max_created_at
      FROM device_snapshot s
      WHERE s.snapshot_date = ANY(${dates}::date[])
      GROUP BY 1, 2
    ),
    stored AS (
      SELECT snapshot_date, vendor_id, row_count, max_id, max_created_at FROM variance_dashboard.device_rollup_state
      WHERE snapshot_date = ANY(${dates}::date[])
    )
    SELECT coalesce(n.snapshot_date, st.snapshot_date)::text AS date, coalesce(n.vendor_id, st.vendor_id) AS vendor_id, n.row_count AS devices,
           (n.row_count, n.max_id, n.max_created_at) IS DISTINCT FROM (st.row_count, st.max_id, st.max_created_at) AS stale
    FROM now_rows n FULL JOIN stored st ON st.snapshot_date = n.snapshot_date AND st.vendor_id = n.vendor_id`;
}

/**
 * Recomputes whole dates in one statement: the rollup rows and the fingerprint stored with
 * them come from the same snapshot. Rows and states of what vanished are deleted; a vendor
 * whose rows did not change keeps its state row and `computed_at` untouched.
 */
const recomputeDates: RecomputeDates = (tx, dates) => tx.$executeRaw`
  WITH fresh AS (
    SELECT s.snapshot_date, s.vendor_id, ${nameSql} AS organization_name, count(*)::int AS devices,
           max(s.id) AS max_id, max(s.created_at) AS max_created_at
    FROM device_snapshot s
    WHERE s.snapshot_date = ANY(${dates}::date[])
    GROUP BY 1, 2, 3
  ),
  fingerprint AS (
    SELECT snapshot_date, vendor_id, sum(devices)::int AS row_count, max(max_id) AS max_id, max(max_created_at) AS max_created_at
    FROM fresh GROUP BY 1, 2
  ),
  vanished AS (
    DELETE FROM variance_dashboard.device_count_rollup r
    WHERE r.snapshot_date = ANY(${dates}::date[])
      AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.snapshot_date = r.snapshot_date AND f.vendor_id = r.vendor_id AND f.organization_name = r.organization_name)
  ),
  counted AS (
    INSERT INTO variance_dashboard.device_count_rollup AS r (snapshot_date, vendor_id, organization_name, devices)
    SELECT snapshot_date, vendor_id, organization_name, devices FROM fresh
    ON CONFLICT (snapshot_date, vendor_id, organization_name) DO UPDATE SET devices = excluded.devices WHERE r.devices <> excluded.devices
  ),
  forgotten AS (
    DELETE FROM variance_dashboard.device_rollup_state st
    WHERE st.snapshot_date = ANY(${dates}::date[])
      AND NOT EXISTS (SELECT 1 FROM fingerprint f WHERE f.snapshot_date = st.snapshot_date AND f.vendor_id = st.vendor_id)
  )
  INSERT INTO variance_dashboard.device_rollup_state AS st (snapshot_date, vendor_id, row_count, max_id, max_created_at, computed_at)
  SELECT snapshot_date, vendor_id, row_count, max_id, max_created_at, now() FROM fingerprint
  ON CONFLICT (snapshot_date, vendor_id) DO UPDATE
    SET row_count = excluded.row_count, max_id = excluded.max_id, max_created_at = excluded.max_created_at, computed_at = excluded.computed_at
    WHERE (st.row_count, st.max_id, st.max_created_at) IS DISTINCT FROM (excluded.row_count, excluded.max_id, excluded.max_created_at)`;

/**
 * Brings device_count_rollup up to date for `from`..`to` (recomputing only the dates whose
 * rows changed, see datesToCheck) and returns the rows per vendor per date of the window:
 * fresh for the dates checked, as last computed for the settled ones; dates without rows are absent.
 */
export async function refreshDeviceRollup(db: Database, from: ReportDate, to: ReportDate): Promise<VendorIdDayCount[]> {
  const { stored, inserted, first } = await storedState(db, from, to);
  if (!first || first > to) return [];
  const checked = datesToCheck(
    first > from ? first : from,
    to,
    new Set(stored.map((row) => row.date)),
    inserted,
    recentlyChecked(ROLLUP),
  );
  // Marked before the check, so the requests that arrive meanwhile trust it rather than repeat it.
  markChecked(ROLLUP, checked);
  const fresh = await inDateBatches(checked, (batch) => fingerprintDates(db, batch));
  await recomputeStaleDates(
    db,
    ROLLUP,
    fresh.filter((row) => row.stale).map((row) => row.date),
    recomputeDates,
  );
  const isChecked = new Set(checked);
  return [...stored.filter((row) => !isChecked.has(row.date)), ...fresh]
    .flatMap((row) => (row.devices === null ? [] : [{ date: row.date, vendorId: row.vendor_id, devices: row.devices }]))
    .sort((a, b) => a.date.localeCompare(b.date) || a.vendorId - b.vendorId);
}
