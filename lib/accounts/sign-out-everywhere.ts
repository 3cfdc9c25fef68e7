import { assertCan } from "@/lib/access/permissions";
import type { Actor } from "@/lib/access/roles";
import { recordAuditEvent } from "@/lib/audit/audit-events";
import type { Database } from "@/lib/db/prisma";
import { inTransaction } from "@/lib/db/transaction";

/** The actor ends all of their own sessions, this one included (a lost laptop, a shared PC). */
export async function signOutEverywhere(db: Database, actor: Actor): Promise<void> {
  assertCan(actor, "dashboard:read");
  await inTransaction(db, async (tx) => {
    await tx.users.update({ where: { id: actor.id }, data: { sessions_revoked_at: new Date() }, select: { id: true } });
    await recordAuditEvent(tx, {
      actorUserId: actor.id,
      actorEmail: actor.email,
      action: "user.sessions_revoke",
      subjectType: "user",
      subjectId: actor.id,
      details: { self: true },
    });
  });
}
