import { z } from "zod";
import type { Actor } from "@/lib/access/roles";
import { recordAuditEvent } from "@/lib/audit/audit-events";
import { CommandError } from "@/lib/commands/command-error";
import { requiredOr } from "@/lib/commands/command-input";
import type { Database } from "@/lib/db/prisma";
import { inTransaction } from "@/lib/db/transaction";
import type { Prisma, saved_views } from "@/lib/generated/prisma/client";
import { SAVED_VIEW_SELECT } from "./saved-view";

type Tx = Prisma.TransactionClient;

/** Input naming one of the actor's views. */
export const viewIdInputSchema = z.strictObject({
  id: z.uuid({ error: requiredOr("Give the id of one of your saved views.") }),
});

/**
 * Runs one change to the actor's views in one transaction that first takes a lock on the
 * actor's views: two of one person's changes at once (two tabs, a double click) run one
 * after the other, so "at most one default" and "one view per name" never race.
 */
export async function changeOwnViews<Result>(
  db: Database,
  actor: Actor,
  change: (tx: Tx) => Promise<Result>,
): Promise<Result> {
  return inTransaction(db, async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`saved_views:${actor.id}`}, 0))`;
    return change(tx);
  });
}

/**
 * The actor's view with this id. Ownership is part of the lookup, so another person's view
 * is refused exactly like a missing one, without saying that it exists.
 */
export async function findOwnView(
  tx: Tx,
  actor: Actor,
  id: string,
): Promise<Pick<saved_views, keyof typeof SAVED_VIEW_SELECT>> {
  const view = await tx.saved_views.findFirst({ where: { id, owner_user_id: actor.id }, select: SAVED_VIEW_SELECT });
  if (!view)
    throw new CommandError("not_found", "That saved view does not exist (any more): reload to see your views.");
  return view;
}

/** The audit event of a change to a view, recorded in the change's transaction. */
export async function recordViewEvent(
  tx: Tx,
  actor: Actor,
  action: string,
  view: Pick<saved_views, "id" | "name">,
  details: Prisma.InputJsonObject,
) {
  await recordAuditEvent(tx, {
    actorUserId: actor.id,
    actorEmail: actor.email,
    action,
    subjectType: "saved_view",
    subjectId: view.id,
    details: { name: view.name, ...details },
  });
}
