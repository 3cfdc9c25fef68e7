import type { Database } from "@/lib/db/prisma";
import { assertCan } from "./permissions";
import type { Actor } from "./roles";

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
