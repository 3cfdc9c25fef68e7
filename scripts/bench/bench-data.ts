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

/** Removes the variances tests/helpers/export-scale.ts `addOpenVariances` added for the large-export measurement. */
export const removeScaleVariances = (databaseUrl: string) =>
  withClient(databaseUrl, (client) => client.query(`DELETE FROM exceptions WHERE hostname LIKE 'SCALE-%.example.com'`));
