import type { z } from "zod";
import type { Permission } from "@/lib/access/permissions";
import type { Actor } from "@/lib/access/roles";
import { queryRoute } from "./query-route";

/** A JSON route handler: the session, permission and query checks of `queryRoute` (and its log line), answering JSON. */
export function jsonRoute<Q extends z.ZodType>(
  routeName: string,
  permission: Permission,
  querySchema: Q,
  handle: (actor: Actor, query: z.infer<Q>) => Promise<unknown>,
) {
  return queryRoute(routeName, permission, querySchema, async (actor, query) =>
    Response.json(await handle(actor, query)),
  );
}
