import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { runner } from "node-pg-migrate";
import type pg from "pg";
import { DASHBOARD_SCHEMA } from "./dashboard-schema";
import { withClient } from "./with-client";

const migrationsDir = fileURLToPath(new URL("../../prisma/dashboard-migrations", import.meta.url));

// node-pg-migrate's own lock fails at once when another instance holds it; this one waits,
// so a second instance starting at the same moment finds the work done instead of crashing.
const MIGRATION_LOCK = 7_241_865_325_823_965n;

/** Migrations in the folder that the database has not recorded yet. */
async function pendingMigrations(client: pg.Client): Promise<string[]> {
  const files = readdirSync(migrationsDir)
    .filter((file) => file.endsWith(".sql"))
    .map((file) => file.replace(/\.sql$/, ""));
  const { rows } = await client.query<{ table: string | null }>("SELECT to_regclass($1) AS table", [
    `${DASHBOARD_SCHEMA}.schema_migrations`,
  ]);
  if (!rows[0]?.table) return files;
  const applied = new Set(
    (await client.query<{ name: string }>(`SELECT name FROM ${DASHBOARD_SCHEMA}.schema_migrations`)).rows.map(
      (row) => row.name,
    ),
  );
  return files.filter((file) => !applied.has(file));
}

export class MigrationsPendingError extends Error {
  constructor(pending: string[], cause: unknown) {
    super(
      `${pending.length} dashboard migration(s) are pending (${pending.join(", ")}) and this database role cannot apply them (${(cause as Error).message}). ` +
        "Run `npm run migrate` with the schema owner's connection string in MIGRATION_DATABASE_URL (or DATABASE_URL), then start again.",
      { cause },
    );
  }
}

/**
 * Applies the dashboard's versioned SQL migrations (node-pg-migrate: each recorded in
 * variance_dashboard.schema_migrations, all pending ones in one transaction). Running it
 * again changes nothing.
 */
export async function migrateDashboardSchema(databaseUrl: string, log: (line: string) => void = () => {}) {
  return withClient(databaseUrl, async (client) => {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK.toString()]);
    try {
      // Up to date is the usual case, and the only one a least-privilege role (no CREATE) can pass.
      const pending = await pendingMigrations(client);
      if (pending.length === 0) return [];
      const applied = await runner({
        dbClient: client,
        dir: migrationsDir,
        direction: "up",
        schema: DASHBOARD_SCHEMA,
        createSchema: true,
        migrationsSchema: DASHBOARD_SCHEMA,
        migrationsTable: "schema_migrations",
        singleTransaction: true,
        checkOrder: true,
        noLock: true,
        log: () => {},
      }).catch((error: unknown) => {
        if ((error as { code?: string }).code === "42501") throw new MigrationsPendingError(pending, error);
        throw error;
      });
      for (const migration of applied) log(`applied migration ${migration.name}`);
      return applied.map((migration) => migration.name);
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK.toString()]);
    }
  });
}
