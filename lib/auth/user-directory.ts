import { assertCan } from "@/lib/access/permissions";
import type { Actor } from "@/lib/access/roles";
import type { Database } from "@/lib/db/prisma";

export interface UserSummary {
  id: string;
  name: string;
}

/** People work can be assigned to: active accounts, by name (no emails: the browser only shows names). */
export function activeUsers(db: Database, actor: Actor): Promise<UserSummary[]> {
  assertCan(actor, "dashboard:read");
  return db.users.findMany({
    where: { disabled_at: null },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
