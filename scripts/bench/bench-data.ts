import { withClient } from "@/lib/db/with-client";

/**
 * The bench's writes happen on its own tier database; these put it back as generated so
 * every run measures the same state.
 */
export const resetTriage = (databaseUrl: string) =>
  withClient(databaseUrl, async (client) => {
    await client.query("BEGIN");
    await client.query("DELETE FROM variance_dashboard.variance_notes");
    await client.query("DELETE FROM variance_dashboard.variance_triage");
    await client.query(
      `UPDATE exceptions SET resolved = false, resolved_date = NULL, resolved_by = NULL, assigned_to = NULL, notes = NULL
        WHERE resolved OR resolved_by IS NOT NULL OR assigned_to IS NOT NULL OR notes IS NOT NULL`,
    );
    await client.query("COMMIT");
  });

const EXPORT_HOST_PREFIX = "bench-export-";

/** `count` extra open MISSING_NINJA variances on the report date, for the large-export measurement. */
export const addExportVariances = (databaseUrl: string, reportDate: string, count: number) =>
  withClient(databaseUrl, (client) =>
    client.query(
      `INSERT INTO exceptions (date_found, type, hostname, details, resolved)
       SELECT $1::date, 'MISSING_NINJA', $2 || lpad(n::text, 7, '0'),
              jsonb_build_object('tl_hostname', $2 || lpad(n::text, 7, '0'), 'tl_canonical_key', $2 || lpad(n::text, 7, '0'),
                                 'tl_site_name', NULL, 'tl_org_name', 'Bench Export Client', 'data_quality_issue', false,
                                 'original_stored_hostname', NULL),
              false
         FROM generate_series(1, $3::int) AS n`,
      [reportDate, EXPORT_HOST_PREFIX, count],
    ),
  );

export const removeExportVariances = (databaseUrl: string) =>
  withClient(databaseUrl, (client) => client.query(`DELETE FROM exceptions WHERE hostname LIKE $1`, [`${EXPORT_HOST_PREFIX}%`]));
