/**
 * `npm run migrate`: applies the dashboard's own migrations (safe to run twice), as the schema
 * owner in MIGRATION_DATABASE_URL when set, else DATABASE_URL.
 */
import "./load-env";
import { readEnvironment } from "@/lib/config/environment";
import { requireDatabaseUrl } from "@/lib/db/database-url";
import { migrateDashboardSchema } from "@/lib/db/migrate";

const applied = await migrateDashboardSchema(readEnvironment().MIGRATION_DATABASE_URL || requireDatabaseUrl(), (line) =>
  console.log(line),
);
console.log(applied.length ? `${applied.length} migration(s) applied.` : "The dashboard schema is up to date.");
