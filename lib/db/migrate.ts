import { fileURLToPath } from "node:url";
import { runner } from "node-pg-migrate";
import { DASHBOARD_SCHEMA } from "./dashboard-schema";
import { withClient } from "./with-client";

const migrationsDir = fileURLToPath(new URL("../../prisma/dashboard-migrations", import.meta.url));

// node-pg-migrate's own lock fails at once when another instance holds it; this one waits,
// so a second instance starting at the same moment finds the work done instead of crashing.
const MIGRATION_LOCK = 7_241_865_325_823_965n;

/**
 * Applies the dashboard's versioned SQL migrations (node-pg-migrate: each recorded in
 * variance_dashboard.schema_migrations, all pending ones in one transaction). Running it
 * again changes nothing.
 */
export async function migrateDashboardSchema(databaseUrl: string, log: (line: string) => void = () => {}) {
  return withClient(databaseUrl, async (client) => {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK.toString()]);
    try {
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
      });
      for (const migration of applied) log(`applied migration ${migration.name}`);
      return applied.map((migration) => migration.name);
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK.toString()]);
    }
  });
}
