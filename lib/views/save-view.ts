import { z } from "zod";
import { assertCan } from "@/lib/access/permissions";
import type { Actor } from "@/lib/access/roles";
import { parseCommandInput, requiredOr } from "@/lib/commands/command-input";
import type { Database } from "@/lib/db/prisma";
import { changeOwnViews, recordViewEvent } from "./own-views";
import { SAVED_VIEW_SELECT, type SavedView, savedViewOf, VIEW_NAME_MAX_LENGTH } from "./saved-view";
import { normaliseViewQuery } from "./view-query";

// Far beyond any queue query; a longer one is not worth parsing.
const RAW_QUERY_MAX_LENGTH = 2000;

export const saveViewInputSchema = z.strictObject({
  name: z
    .string({ error: requiredOr("Give the view's name as text.") })
    .trim()
    .min(1, "Give the view a name.")
    .max(VIEW_NAME_MAX_LENGTH, `Keep the view's name to at most ${VIEW_NAME_MAX_LENGTH} characters.`),
  query: z
    .string({ error: requiredOr("Give the queue's query string as text.") })
    .max(
      RAW_QUERY_MAX_LENGTH,
      `Keep the query string to at most ${RAW_QUERY_MAX_LENGTH.toLocaleString("en-US")} characters.`,
    )
    .transform(normaliseViewQuery),
});

export interface SaveViewResult {
  view: SavedView;
  /** False when a view of that name existed and its query was replaced. */
  created: boolean;
}

/**
 * Saves the queue's filters under a name. Saving under a name the actor already uses
 * replaces that view's query and keeps whether it is the default, so "save again" is how
 * a view is updated.
 */
export async function saveView(db: Database, actor: Actor, rawInput: unknown): Promise<SaveViewResult> {
  assertCan(actor, "dashboard:read");
  const { name, query } = parseCommandInput(saveViewInputSchema, rawInput);
  return changeOwnViews(db, actor, async (tx) => {
    const ownerAndName = { owner_user_id_name: { owner_user_id: actor.id, name } };
    const previous = await tx.saved_views.findUnique({ where: ownerAndName, select: { query: true } });
    const view = await tx.saved_views.upsert({
      where: ownerAndName,
      create: { owner_user_id: actor.id, name, query },
      update: { query, updated_at: new Date() },
      select: SAVED_VIEW_SELECT,
    });
    await recordViewEvent(tx, actor, "saved_view.save", view, { query, previousQuery: previous?.query ?? null });
    return { view: savedViewOf(view), created: !previous };
  });
}
