import type { ReportDate } from "@/lib/calendar-date";
import type { Database } from "@/lib/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";
import { VARIANCE_KEY_SQL } from "@/lib/inventory/hostname-key-sql";
import { markChecked, recentlyChecked, unlessRefreshedWithin } from "./recheck-memo";
import { datesToCheck, inDateBatches, type RecomputeDates, recomputeStaleDates } from "./rollup-refresh";

const ROLLUP = "variance_count";

/**
 * Every type in exceptions, found by a loose index scan of ix_exceptions_type_date (one probe
 * per type), so the rows of given dates can be read through that index: exceptions has no
 * index that starts with date_found.
 */
const EXCEPTION_TYPES = Prisma.sql`
  types AS (
    SELECT min(type) AS type FROM exceptions
    UNION ALL
    SELECT (SELECT min(e.type) FROM exceptions e WHERE e.type > types.type) FROM types WHERE types.type IS NOT NULL
  )`;
const ofDates = (dates: ReportDate[]) =>
  Prisma.sql`e.type = ANY(ARRAY(SELECT type FROM types WHERE type IS NOT NULL)) AND e.date_found = ANY(${dates}::date[])`;

/** The dates of the window computed before, and those that got rows after their last refresh. */
async function storedState(db: Database, from: ReportDate, to: ReportDate) {
  const [stored, [watermark]] = await Promise.all([
    db.$queryRaw<{ date: string }[]>`
      SELECT date_found::text AS date FROM variance_dashboard.variance_rollup_state WHERE date_found BETWEEN ${from}::date AND ${to}::date`,
    db.$queryRaw<
      { max_id: bigint | null }[]
    >`SELECT max(max_id) AS max_id FROM variance_dashboard.variance_rollup_state`,
  ]);
  // The watermark goes in as a value, so the planner sees how few ids lie above it and walks the primary key.
  const inserted =
    watermark?.max_id == null
      ? []
      : await db.$queryRaw<{ date: string }[]>`
          SELECT DISTINCT e.date_found::text AS date FROM exceptions e
          WHERE e.id > ${watermark.max_id}::bigint AND e.date_found BETWEEN ${from}::date AND ${to}::date`;
  return { computed: new Set(stored.map((row) => row.date)), inserted: inserted.map((row) => row.date) };
}

/** Those of `dates` whose exceptions differ from the fingerprint their rollups were computed from, or were never computed. */
async function staleDates(db: Database, dates: ReportDate[]): Promise<ReportDate[]> {
  const rows = await db.$queryRaw<{ date: string }[]>`
    WITH RECURSIVE ${EXCEPTION_TYPES},
    now_rows AS (
      SELECT e.date_found, count(*)::int AS row_count, max(e.id) AS max_id FROM exceptions e WHERE ${ofDates(dates)} GROUP BY 1
    )
    SELECT d.date_found::text AS date
    FROM unnest(${dates}::date[]) AS d (date_found)
    LEFT JOIN now_rows n ON n.date_found = d.date_found
    LEFT JOIN variance_dashboard.variance_rollup_state st ON st.date_found = d.date_found
    WHERE st.date_found IS NULL OR (coalesce(n.row_count, 0), coalesce(n.max_id, 0)) IS DISTINCT FROM (st.row_count, st.max_id)`;
  return rows.map((row) => row.date);
}

/**
 * Recomputes whole dates in one statement (one snapshot): which variances are present (with
 * their rows' count and smallest id), how many per type, and the fingerprint of the rows they
 * came from. Only rows that change are written.
 */
const recomputeDates: RecomputeDates = (tx, dates) => tx.$executeRaw`
  WITH RECURSIVE ${EXCEPTION_TYPES},
  fresh AS (
    SELECT e.date_found, e.type AS variance_type, ${VARIANCE_KEY_SQL} AS variance_key, count(*)::int AS row_count,
           min(e.id) AS first_row_id, max(e.id) AS max_id
    FROM exceptions e
    WHERE ${ofDates(dates)}
    GROUP BY 1, 2, 3
  ),
  per_type AS (SELECT date_found, variance_type, count(*)::int AS variances FROM fresh GROUP BY 1, 2),
  -- Every date gets a fingerprint, one without exceptions too (0 rows).
  fingerprint AS (
    SELECT d.date_found, coalesce(sum(f.row_count), 0)::int AS row_count, coalesce(max(f.max_id), 0) AS max_id
    FROM unnest(${dates}::date[]) AS d (date_found) LEFT JOIN fresh f ON f.date_found = d.date_found
    GROUP BY 1
  ),
  gone AS (
    DELETE FROM variance_dashboard.variance_presence_rollup p
    WHERE p.date_found = ANY(${dates}::date[])
      AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.date_found = p.date_found AND f.variance_type = p.variance_type AND f.variance_key = p.variance_key)
  ),
  present AS (
    INSERT INTO variance_dashboard.variance_presence_rollup AS p (variance_type, variance_key, date_found, row_count, first_row_id)
    SELECT variance_type, variance_key, date_found, row_count, first_row_id FROM fresh
    ON CONFLICT (variance_type, variance_key, date_found) DO UPDATE SET row_count = excluded.row_count, first_row_id = excluded.first_row_id
      WHERE (p.row_count, p.first_row_id) IS DISTINCT FROM (excluded.row_count, excluded.first_row_id)
  ),
  vanished AS (
    DELETE FROM variance_dashboard.variance_count_rollup c
    WHERE c.date_found = ANY(${dates}::date[])
      AND NOT EXISTS (SELECT 1 FROM per_type t WHERE t.date_found = c.date_found AND t.variance_type = c.variance_type)
  ),
  counted AS (
    INSERT INTO variance_dashboard.variance_count_rollup AS c (date_found, variance_type, variances)
    SELECT date_found, variance_type, variances FROM per_type
    ON CONFLICT (date_found, variance_type) DO UPDATE SET variances = excluded.variances WHERE c.variances <> excluded.variances
  )
  INSERT INTO variance_dashboard.variance_rollup_state AS st (date_found, row_count, max_id, computed_at)
  SELECT date_found, row_count, max_id, now() FROM fingerprint
  ON CONFLICT (date_found) DO UPDATE SET row_count = excluded.row_count, max_id = excluded.max_id, computed_at = excluded.computed_at
    WHERE (st.row_count, st.max_id) IS DISTINCT FROM (excluded.row_count, excluded.max_id)`;

/** Brings the variance rollups up to date for `from`..`to`, recomputing only the dates whose exceptions changed (see datesToCheck). */
export async function refreshVarianceRollup(db: Database, from: ReportDate, to: ReportDate): Promise<void> {
  const { computed, inserted } = await storedState(db, from, to);
  const checked = datesToCheck(from, to, computed, inserted, recentlyChecked(ROLLUP));
  // Marked before the check, so the requests that arrive meanwhile trust it rather than repeat it.
  markChecked(ROLLUP, checked);
  const stale = await inDateBatches(checked, (batch) => staleDates(db, batch));
  await recomputeStaleDates(db, ROLLUP, stale, recomputeDates);
}

/**
 * Brings the variance rollups up to date for every date up to `to` (by default the newest
 * date with exceptions, or with rollups that still count rows there: a date whose rows were
 * all deleted is recomputed as empty): the history that first and last seen are read from.
 */
export function refreshVarianceHistory(db: Database, to?: ReportDate): Promise<void> {
  return unlessRefreshedWithin(`variance_history:${to ?? "newest"}`, () => refreshHistory(db, to));
}

async function refreshHistory(db: Database, to?: ReportDate): Promise<void> {
  const [range] = await db.$queryRaw<{ first: string | null; last: string | null }[]>`
    WITH RECURSIVE ${EXCEPTION_TYPES}
    SELECT min((SELECT min(e.date_found) FROM exceptions e WHERE e.type = types.type))::text AS first,
           greatest(max((SELECT max(e.date_found) FROM exceptions e WHERE e.type = types.type)),
                    (SELECT max(date_found) FROM variance_dashboard.variance_rollup_state WHERE row_count > 0))::text AS last
    FROM types WHERE type IS NOT NULL`;
  const last = to ?? range?.last;
  if (range?.first && last && range.first <= last) await refreshVarianceRollup(db, range.first, last);
}
