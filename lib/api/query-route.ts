import type { z } from "zod";
import { getActor } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/roles";
import { assertCan, type Permission } from "@/lib/auth/permissions";
import { CommandError } from "@/lib/commands/command-error";
import { firstValues } from "@/lib/variances/queue-filters";

/**
 * A GET route handler that re-checks the session itself (the proxy is not the boundary),
 * validates its query with zod and answers 401 / 403 / 400 as JSON with a reason a caller
 * can act on. What it answers on success is up to `respond`: JSON, or a streamed file.
 */
export function queryRoute<Q extends z.ZodType>(permission: Permission, querySchema: Q, respond: (actor: Actor, query: z.infer<Q>) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    const actor = await getActor();
    if (!actor) return Response.json({ error: "Sign in to use this API." }, { status: 401 });
    try {
      assertCan(actor, permission);
      const query = querySchema.safeParse(firstValues(new URL(request.url).searchParams));
      if (!query.success) {
        const reason = query.error.issues.map((issue) => `${issue.path.join(".") || "query"}: ${issue.message}`).join("; ");
        return Response.json({ error: `Bad parameters: ${reason}` }, { status: 400 });
      }
      return await respond(actor, query.data);
    } catch (error) {
      if (error instanceof CommandError) return Response.json({ error: error.message }, { status: error.code === "forbidden" ? 403 : 400 });
      throw error;
    }
  };
}
