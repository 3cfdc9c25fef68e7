import type pg from "pg";

/**
 * What the upstream jobs do to the tables under the dashboard, in SQL (reference §3): they
 * delete and re-insert whole dates, never update rows in place.
 */
export function collectorSimulation(pool: pg.Pool) {
  const query = async <T = Record<string, unknown>>(text: string, values: unknown[] = []) =>
    (await pool.query(text, values)).rows as T[];

  const snapshotColumns = async () =>
    (
      await query<{ columns: string }>(
        `SELECT string_agg(quote_ident(column_name), ', ') AS columns FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name = 'device_snapshot' AND column_name NOT IN ('id')`,
      )
    )[0]!.columns;

  return {
    /** The checks re-run a date: every row deleted, the same findings inserted as new rows, nothing triaged. */
    rerunChecks: (date: string) =>
      query(
        `WITH old AS (DELETE FROM exceptions WHERE date_found = $1 RETURNING id, type, hostname, details)
         INSERT INTO exceptions (date_found, type, hostname, details, resolved) SELECT $1, type, hostname, details, false FROM old ORDER BY id`,
        [date],
      ),

    /** The next day's collections and checks, finding the same devices and variances. */
    async collectNextReport(from: string, to: string) {
      const columns = (await snapshotColumns()).replace(/(^|, )snapshot_date(?=,|$)/, "").replace(/^, /, "");
      await query(
        `INSERT INTO device_snapshot (snapshot_date, ${columns}) SELECT $2, ${columns} FROM device_snapshot WHERE snapshot_date = $1`,
        [from, to],
      );
      await query(
        `INSERT INTO exceptions (date_found, type, hostname, details, resolved) SELECT $2, type, hostname, details, false FROM exceptions WHERE date_found = $1 ORDER BY id`,
        [from, to],
      );
    },

    /**
     * A collector starts re-running one vendor's date: its rows are deleted now and put back by
     * the returned function (as new rows), as the collector does minutes later.
     */
    async deleteVendorDate(vendor: string, date: string): Promise<() => Promise<unknown>> {
      const columns = await snapshotColumns();
      const [{ rows } = { rows: [] }] = await query<{ rows: unknown }>(
        `WITH gone AS (DELETE FROM device_snapshot s USING vendor v WHERE v.id = s.vendor_id AND v.name = $1 AND s.snapshot_date = $2 RETURNING s.*)
         SELECT coalesce(json_agg(gone), '[]') AS rows FROM gone`,
        [vendor, date],
      );
      return () =>
        query(
          `INSERT INTO device_snapshot (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::device_snapshot, $1::json)`,
          [JSON.stringify(rows)],
        );
    },
  };
}
