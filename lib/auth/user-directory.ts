import type { Database } from "@/lib/db/prisma";

export interface UserSummary {
  id: string;
  name: string;
  email: string;
}

/** People work can be assigned to: active accounts, by name. */
export function activeUsers(db: Database): Promise<UserSummary[]> {
  return db.users.findMany({ where: { disabled_at: null }, select: { id: true, name: true, email: true }, orderBy: { name: "asc" } });
}
