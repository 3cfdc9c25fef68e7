/** `npm run migrate`: applies the dashboard's own migrations to DATABASE_URL (safe to run twice). */
import "./load-env";
import { requireDatabaseUrl } from "@/lib/db/database-url";
import { migrateDashboardSchema } from "@/lib/db/migrate";

const applied = await migrateDashboardSchema(requireDatabaseUrl(), (line) => console.log(line));
console.log(applied.length ? `${applied.length} migration(s) applied.` : "The dashboard schema is up to date.");
