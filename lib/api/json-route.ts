import type { z } from "zod";
import type { Permission } from "@/lib/access/permissions";
import type { Actor } from "@/lib/access/roles";
import { queryRoute } from "./query-route";

/** A JSON route handler: the session, permission and query checks of `queryRoute`, answering JSON. */
export function jsonRoute<Q extends z.ZodType>(
  permission: Permission,
  querySchema: Q,
  handle: (actor: Actor, query: z.infer<Q>) => Promise<unknown>,
) {
  return queryRoute(permission, querySchema, async (actor, query) => Response.json(await handle(actor, query)));
}
