import { readFileSync } from "node:fs";
import path from "node:path";
import type pg from "pg";
import { escapeIdentifier } from "pg";

/**
 * The two upstream schemas written by hand from the references (tests/upstream-schemas/*.sql):
 * "minimal" has the access guide's columns only, "maximal" every column the reference names.
 */
export type UpstreamVariant = "minimal" | "maximal";

/** What `maximal` has and `minimal` lacks among the columns the dashboard reads: its optional ones. */
export const MINIMAL_MISSING_OPTIONAL = [
  "device_snapshot.location_name",
  "device_snapshot.has_tpm",
  "device_snapshot.tpm_enabled",
  "device_snapshot.tpm_version",
  "device_snapshot.secure_boot_available",
  "device_snapshot.secure_boot_enabled",
  "device_snapshot.windows_11_24h2_capable",
];

const schemaFile = (variant: UpstreamVariant) =>
  path.resolve(import.meta.dirname, "../upstream-schemas", `${variant}.sql`);

// Parents before children, for the foreign keys.
const TABLES = [
  "vendor",
  "billing_status",
  "device_type",
  "site",
  "device_identity",
  "device_snapshot",
  "exceptions",
  "job_batches",
  "job_runs",
];

/** NOT NULL columns of a variant that the demo data does not have, with what to fill them from. */
const FILLED: Record<string, Record<string, string>> = { billing_status: { name: "code" } };

async function columnsOf(client: pg.ClientBase, schema: string, table: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT a.attname AS name FROM pg_attribute a
      WHERE a.attrelid = to_regclass(quote_ident($1) || '.' || quote_ident($2)) AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY a.attnum`,
    [schema, table],
  );
  return rows.map((row) => row.name);
}

/**
 * Replaces the upstream tables of a demo database (its `public` schema) with the variant's,
 * keeping the demo data: every column both have is copied, ids included, so the dashboard's
 * own tables (migrated, with rollups) stay consistent with it. The rest of the demo's columns
 * are dropped with it.
 */
export async function rebuildUpstreamAs(client: pg.ClientBase, variant: UpstreamVariant): Promise<void> {
  await client.query("BEGIN");
  try {
    await client.query("ALTER SCHEMA public RENAME TO demo_source");
    await client.query("CREATE SCHEMA public");
    await client.query(`SET LOCAL search_path = public`);
    await client.query(readFileSync(schemaFile(variant), "utf8"));
    for (const table of TABLES) {
      const target = await columnsOf(client, "public", table);
      const source = new Set(await columnsOf(client, "demo_source", table));
      const filled = Object.entries(FILLED[table] ?? {}).filter(
        ([column]) => target.includes(column) && !source.has(column),
      );
      const common = target.filter((column) => source.has(column));
      if (common.length === 0) continue;
      const into = [...common, ...filled.map(([column]) => column)].map(escapeIdentifier).join(", ");
      const from = [...common, ...filled.map(([, from]) => from)].map(escapeIdentifier).join(", ");
      await client.query(
        `INSERT INTO public.${escapeIdentifier(table)} (${into}) OVERRIDING SYSTEM VALUE SELECT ${from} FROM demo_source.${escapeIdentifier(table)}`,
      );
    }
    await client.query("DROP SCHEMA demo_source CASCADE");
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}
