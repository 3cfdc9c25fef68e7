import type { z } from "zod";
import { assertCan, type Permission } from "@/lib/access/permissions";
import type { Actor } from "@/lib/access/roles";
import { getActor } from "@/lib/auth/actor";
import { CommandError } from "@/lib/commands/command-error";
import { isDatabaseUnreachable } from "@/lib/db/connection-errors";
import { busyRefusalOf } from "@/lib/db/transaction";
import { singleValues } from "@/lib/url-params";

// A busy database usually frees up within seconds (pool-settings.ts's waits are of that order).
const BUSY_RETRY_AFTER_SECONDS = 2;

/**
 * A GET route handler that re-checks the session itself (the proxy is not the boundary),
 * validates its query with zod and answers 401 / 403 / 400 as JSON with a reason a caller
 * can act on, or 503 with Retry-After when the database was unreachable or too busy to answer
 * in time. What it answers on success is up to `respond`: JSON, or a streamed file.
 */
export function queryRoute<Q extends z.ZodType>(
  permission: Permission,
  querySchema: Q,
  respond: (actor: Actor, query: z.infer<Q>) => Promise<Response>,
) {
  return async (request: Request): Promise<Response> => {
    try {
      const actor = await getActor();
      if (!actor) return Response.json({ error: "Sign in to use this API." }, { status: 401 });
      assertCan(actor, permission);
      const query = querySchema.safeParse(singleValues(new URL(request.url).searchParams));
      if (!query.success) {
        const reason = query.error.issues
          .map((issue) => `${issue.path.join(".") || "query"}: ${issue.message}`)
          .join("; ");
        return Response.json({ error: `Bad parameters: ${reason}` }, { status: 400 });
      }
      return await respond(actor, query.data);
    } catch (error) {
      // Not the caller's fault and not a crash: the same request will work once the database answers.
      if (isDatabaseUnreachable(error))
        return Response.json(
          { error: "The database did not answer; try again shortly." },
          { status: 503, headers: { "Retry-After": "5" } },
        );
      const refusal = error instanceof CommandError ? error : busyRefusalOf(error);
      if (!refusal) throw error;
      if (refusal.code === "busy")
        return Response.json(
          { error: refusal.message },
          { status: 503, headers: { "Retry-After": String(BUSY_RETRY_AFTER_SECONDS) } },
        );
      return Response.json({ error: refusal.message }, { status: refusal.code === "forbidden" ? 403 : 400 });
    }
  };
}
