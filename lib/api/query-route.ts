import type { z } from "zod";
import { getActor } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/roles";
import { assertCan, type Permission } from "@/lib/auth/permissions";
import { CommandError } from "@/lib/commands/command-error";
import { isDatabaseUnreachable } from "@/lib/db/connection-errors";
import { firstValues } from "@/lib/variances/queue-filters";

/**
 * A GET route handler that re-checks the session itself (the proxy is not the boundary),
 * validates its query with zod and answers 401 / 403 / 400 (and 503 while the database is
 * unreachable) as JSON with a reason a caller
 * can act on. What it answers on success is up to `respond`: JSON, or a streamed file.
 */
export function queryRoute<Q extends z.ZodType>(permission: Permission, querySchema: Q, respond: (actor: Actor, query: z.infer<Q>) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    try {
      const actor = await getActor();
      if (!actor) return Response.json({ error: "Sign in to use this API." }, { status: 401 });
      assertCan(actor, permission);
      const query = querySchema.safeParse(firstValues(new URL(request.url).searchParams));
      if (!query.success) {
        const reason = query.error.issues.map((issue) => `${issue.path.join(".") || "query"}: ${issue.message}`).join("; ");
        return Response.json({ error: `Bad parameters: ${reason}` }, { status: 400 });
      }
      return await respond(actor, query.data);
    } catch (error) {
      if (error instanceof CommandError) return Response.json({ error: error.message }, { status: error.code === "forbidden" ? 403 : 400 });
      // Not the caller's fault and not a crash: the same request will work once the database answers.
      if (isDatabaseUnreachable(error)) return Response.json({ error: "The database did not answer; try again shortly." }, { status: 503, headers: { "Retry-After": "5" } });
      throw error;
    }
  };
}
