/** `npm run db:check`: checks DATABASE_URL; exits 1 with a one-line cause when it cannot be used. */
import "./load-env";
import { requireDatabaseUrl } from "@/lib/db/database-url";
import { runDbCheck } from "@/lib/health/db-check";

const result = await runDbCheck(requireDatabaseUrl());
for (const line of result.lines) console.log(line);
if (!result.ok) {
  console.error(`db:check failed: ${result.cause}`);
  process.exit(1);
}
