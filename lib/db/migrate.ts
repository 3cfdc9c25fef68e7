import { fileURLToPath } from "node:url";
import { runner } from "node-pg-migrate";
import { DASHBOARD_SCHEMA } from "./dashboard-schema";

const migrationsDir = fileURLToPath(new URL("../../prisma/dashboard-migrations", import.meta.url));

/**
 * Applies the dashboard's versioned SQL migrations (node-pg-migrate: each recorded in
 * variance_dashboard.schema_migrations, all pending ones in one transaction, guarded by an
 * advisory lock so two starting instances do not race). Running it again changes nothing.
 */
export async function migrateDashboardSchema(databaseUrl: string, log: (line: string) => void = () => {}) {
  const applied = await runner({
    databaseUrl,
    dir: migrationsDir,
    direction: "up",
    schema: DASHBOARD_SCHEMA,
    createSchema: true,
    migrationsSchema: DASHBOARD_SCHEMA,
    migrationsTable: "schema_migrations",
    singleTransaction: true,
    checkOrder: true,
    log: () => {},
  });
  for (const migration of applied) log(`applied migration ${migration.name}`);
  return applied.map((migration) => migration.name);
}
