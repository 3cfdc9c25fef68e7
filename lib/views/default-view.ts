import { assertCan } from "@/lib/access/permissions";
import type { Actor } from "@/lib/access/roles";
import type { Database } from "@/lib/db/prisma";
import { viewHref } from "./saved-view";

/**
 * Where the queue should send a person who opened it with no query at all: their default
 * view, or null to show the queue as it is.
 */
export async function defaultViewRedirect(
  db: Database,
  actor: Actor,
  searchParams: Record<string, unknown>,
): Promise<string | null> {
  assertCan(actor, "dashboard:read");
  if (Object.keys(searchParams).length > 0) return null;
  const view = await db.saved_views.findFirst({
    where: { owner_user_id: actor.id, is_default: true },
    select: { query: true },
  });
  // A default of the unfiltered queue is what the bare URL shows already; redirecting to it would loop.
  return view?.query ? viewHref(view.query) : null;
}
