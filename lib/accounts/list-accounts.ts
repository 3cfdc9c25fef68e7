import { assertCan } from "@/lib/access/permissions";
import type { Actor } from "@/lib/access/roles";
import type { Database } from "@/lib/db/prisma";
import { type Account, accountOf, accountSelect } from "./account";

/** Every account, active ones first, then by name. */
export async function listAccounts(db: Database, actor: Actor): Promise<Account[]> {
  assertCan(actor, "users:manage");
  const rows = await db.users.findMany({
    select: accountSelect,
    orderBy: [{ disabled_at: { sort: "asc", nulls: "first" } }, { name: "asc" }],
  });
  return rows.map(accountOf);
}
