import type { Database } from "@/lib/db/prisma";
import type { ReportDate } from "@/lib/inventory/report-date";
import { VARIANCE_KEY_SQL } from "@/lib/variances/variance-key-sql";
import { recomputeStaleDates, type RecomputeDates } from "./rollup-refresh";

/** The window's dates whose exceptions changed since their variance rollups were computed. */
async function staleDates(db: Database, from: ReportDate, to: ReportDate): Promise<ReportDate[]> {
  const rows = await db.$queryRaw<{ date: string }[]>`
    WITH now_rows AS (
      SELECT e.date_found, count(*)::int AS row_count, max(e.id) AS max_id
      FROM exceptions e WHERE e.date_found BETWEEN ${from}::date AND ${to}::date
      GROUP BY 1
    ),
    stored AS (
      SELECT date_found, row_count, max_id FROM variance_dashboard.variance_rollup_state
      WHERE date_found BETWEEN ${from}::date AND ${to}::date
    )
    SELECT coalesce(n.date_found, st.date_found)::text AS date
    FROM now_rows n FULL JOIN stored st ON st.date_found = n.date_found
    WHERE (n.row_count, n.max_id) IS DISTINCT FROM (st.row_count, st.max_id)`;
  return rows.map((row) => row.date);
}

/**
 * Recomputes whole dates in one statement (one snapshot): which variances are present, how
 * many per type, and the fingerprint of the rows they came from. Only rows that change are written.
 */
const recomputeDates: RecomputeDates = (tx, dates) => tx.$executeRaw`
  WITH fresh AS (
    SELECT e.date_found, e.type AS variance_type, ${VARIANCE_KEY_SQL} AS variance_key, count(*)::int AS row_count, max(e.id) AS max_id
    FROM exceptions e
    WHERE e.date_found = ANY(${dates}::date[])
    GROUP BY 1, 2, 3
  ),
  per_type AS (SELECT date_found, variance_type, count(*)::int AS variances FROM fresh GROUP BY 1, 2),
  fingerprint AS (SELECT date_found, sum(row_count)::int AS row_count, max(max_id) AS max_id FROM fresh GROUP BY 1),
  gone AS (
    DELETE FROM variance_dashboard.variance_presence_rollup p
    WHERE p.date_found = ANY(${dates}::date[])
      AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.date_found = p.date_found AND f.variance_type = p.variance_type AND f.variance_key = p.variance_key)
  ),
  present AS (
    INSERT INTO variance_dashboard.variance_presence_rollup (variance_type, variance_key, date_found)
    SELECT variance_type, variance_key, date_found FROM fresh
    ON CONFLICT DO NOTHING
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
  ),
  forgotten AS (
    DELETE FROM variance_dashboard.variance_rollup_state st
    WHERE st.date_found = ANY(${dates}::date[]) AND NOT EXISTS (SELECT 1 FROM fingerprint f WHERE f.date_found = st.date_found)
  )
  INSERT INTO variance_dashboard.variance_rollup_state AS st (date_found, row_count, max_id, computed_at)
  SELECT date_found, row_count, max_id, now() FROM fingerprint
  ON CONFLICT (date_found) DO UPDATE SET row_count = excluded.row_count, max_id = excluded.max_id, computed_at = excluded.computed_at
    WHERE (st.row_count, st.max_id) IS DISTINCT FROM (excluded.row_count, excluded.max_id)`;

/** Brings the variance rollups up to date for `from`..`to`, recomputing only the dates whose exceptions changed. */
export async function refreshVarianceRollup(db: Database, from: ReportDate, to: ReportDate): Promise<void> {
  await recomputeStaleDates(db, "variance_count", await staleDates(db, from, to), recomputeDates);
}
