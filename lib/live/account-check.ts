import { can } from "@/lib/access/permissions";
import { type Actor, roleSchema } from "@/lib/access/roles";
import type { Database } from "@/lib/db/prisma";

/**
 * Whether the person a stream was opened for may still read it: not disabled, not signed out
 * everywhere since `openedAt`, still in a role that reads the dashboard. A stream outlives the
 * request that checked the session, so it asks again at every heartbeat.
 */
export async function streamStillAllowed(db: Database, actor: Actor, openedAt: Date): Promise<boolean> {
  const user = await db.users.findUnique({
    where: { id: actor.id },
    select: { role: true, disabled_at: true, sessions_revoked_at: true },
  });
  if (!user || user.disabled_at) return false;
  if (user.sessions_revoked_at && user.sessions_revoked_at >= openedAt) return false;
  const role = roleSchema.safeParse(user.role);
  return role.success && can({ ...actor, role: role.data }, "dashboard:read");
}
