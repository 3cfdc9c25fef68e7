import { assertCan } from "@/lib/access/permissions";
import type { Actor } from "@/lib/access/roles";
import { CommandError } from "@/lib/commands/command-error";
import { parseCommandInput } from "@/lib/commands/command-input";
import type { Database } from "@/lib/db/prisma";
import { changeOwnViews, findOwnView, recordViewEvent, viewIdInputSchema } from "./own-views";
import { SAVED_VIEW_SELECT, type SavedView, savedViewOf } from "./saved-view";

/** Makes one of the actor's views the one the queue opens on, replacing any other default. */
export async function setDefaultView(db: Database, actor: Actor, rawInput: unknown): Promise<SavedView> {
  assertCan(actor, "dashboard:read");
  const { id } = parseCommandInput(viewIdInputSchema, rawInput);
  return changeOwnViews(db, actor, async (tx) => {
    const view = await findOwnView(tx, actor, id);
    if (view.is_default) throw new CommandError("conflict", `“${view.name}” is already your default view.`);
    const now = new Date();
    const previous = await tx.saved_views.findFirst({
      where: { owner_user_id: actor.id, is_default: true },
      select: { id: true, name: true },
    });
    // Cleared first: PostgreSQL checks the one-default index row by row, not at the end.
    if (previous)
      await tx.saved_views.update({
        where: { id: previous.id, owner_user_id: actor.id },
        data: { is_default: false, updated_at: now },
        select: { id: true },
      });
    const updated = await tx.saved_views.update({
      where: { id: view.id, owner_user_id: actor.id },
      data: { is_default: true, updated_at: now },
      select: SAVED_VIEW_SELECT,
    });
    await recordViewEvent(tx, actor, "saved_view.set_default", updated, { previousDefault: previous });
    return savedViewOf(updated);
  });
}

/** Stops a view being the default, so the queue opens unfiltered again. */
export async function clearDefaultView(db: Database, actor: Actor, rawInput: unknown): Promise<SavedView> {
  assertCan(actor, "dashboard:read");
  const { id } = parseCommandInput(viewIdInputSchema, rawInput);
  return changeOwnViews(db, actor, async (tx) => {
    const view = await findOwnView(tx, actor, id);
    if (!view.is_default) throw new CommandError("conflict", `“${view.name}” is not your default view.`);
    const updated = await tx.saved_views.update({
      where: { id: view.id, owner_user_id: actor.id },
      data: { is_default: false, updated_at: new Date() },
      select: SAVED_VIEW_SELECT,
    });
    await recordViewEvent(tx, actor, "saved_view.clear_default", updated, {});
    return savedViewOf(updated);
  });
}
