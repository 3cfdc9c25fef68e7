import { assertCan } from "@/lib/access/permissions";
import type { Actor } from "@/lib/access/roles";
import { parseCommandInput } from "@/lib/commands/command-input";
import type { Database } from "@/lib/db/prisma";
import { changeOwnViews, findOwnView, recordViewEvent, viewIdInputSchema } from "./own-views";
import { type SavedView, savedViewOf } from "./saved-view";

/** Deletes one of the actor's views; returns it as it was. */
export async function deleteView(db: Database, actor: Actor, rawInput: unknown): Promise<SavedView> {
  assertCan(actor, "dashboard:read");
  const { id } = parseCommandInput(viewIdInputSchema, rawInput);
  return changeOwnViews(db, actor, async (tx) => {
    const view = await findOwnView(tx, actor, id);
    await tx.saved_views.delete({ where: { id: view.id, owner_user_id: actor.id }, select: { id: true } });
    await recordViewEvent(tx, actor, "saved_view.delete", view, { query: view.query, wasDefault: view.is_default });
    return savedViewOf(view);
  });
}
