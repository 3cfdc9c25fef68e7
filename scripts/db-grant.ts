/**
 * `npm run db:grant [-- --role name]`: creates (if missing) and grants the dashboard's
 * least-privilege role in the database of DATABASE_URL, which must be the tables' owner or
 * a superuser. A new role gets a generated password, printed once.
 */
import "./load-env";
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { requireDatabaseUrl } from "@/lib/db/database-url";
import { DEFAULT_APP_ROLE, ensureLoginRole, grantLeastPrivilege } from "@/lib/db/least-privilege";
import { withClient } from "@/lib/db/with-client";

const { values } = parseArgs({ options: { role: { type: "string", default: DEFAULT_APP_ROLE } } });
const role = values.role!;
const password = randomBytes(18).toString("base64url");

await withClient(requireDatabaseUrl(), async (client) => {
  const created = await ensureLoginRole(client, role, password);
  await grantLeastPrivilege(client, role);
  console.log(
    created
      ? `Created role ${role} with the password ${password} (shown once; put it in DATABASE_URL).`
      : `Role ${role} exists; its password is unchanged.`,
  );
  console.log(
    `Granted ${role} least privilege: SELECT on the upstream columns it reads, UPDATE on the triage columns of exceptions, read/write on variance_dashboard, append-only audit log.`,
  );
});
