import { assertCan } from "@/lib/access/permissions";
import type { Actor } from "@/lib/access/roles";
import type { Database } from "@/lib/db/prisma";
import { SAVED_VIEW_SELECT, type SavedView, savedViewOf } from "./saved-view";

/** The actor's own views, by name. Views are personal: nobody lists anyone else's. */
export async function listViews(db: Database, actor: Actor): Promise<SavedView[]> {
  assertCan(actor, "dashboard:read");
  const rows = await db.saved_views.findMany({
    where: { owner_user_id: actor.id },
    orderBy: { name: "asc" },
    select: SAVED_VIEW_SELECT,
  });
  return rows.map(savedViewOf);
}
