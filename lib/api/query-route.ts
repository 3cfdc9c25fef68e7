import type { z } from "zod";
import { assertCan, type Permission } from "@/lib/access/permissions";
import type { Actor } from "@/lib/access/roles";
import { getActor } from "@/lib/auth/actor";
import { CommandError } from "@/lib/commands/command-error";
import { isDatabaseUnreachable } from "@/lib/db/connection-errors";
import { busyRefusalOf } from "@/lib/db/transaction";
import { logger } from "@/lib/logging/logger";
import { newRequestId } from "@/lib/logging/request-id";
import { singleValues } from "@/lib/url-params";

// A busy database usually frees up within seconds (pool-settings.ts's waits are of that order).
const BUSY_RETRY_AFTER_SECONDS = 2;

/**
 * A GET route handler named `routeName` in its log lines, that re-checks the session itself
 * (the proxy is not the boundary), validates its query with zod and answers 401 / 403 / 400 as
 * JSON with a reason a caller can act on, or 503 with Retry-After when the database was
 * unreachable or too busy to answer in time. What it answers on success is up to `respond`:
 * JSON, a streamed file, or an event stream. Anything else is a 500 whose body names the log line with the stack.
 */
export function queryRoute<Q extends z.ZodType>(
  routeName: string,
  permission: Permission,
  querySchema: Q,
  respond: (actor: Actor, query: z.infer<Q>, request: Request) => Promise<Response>,
) {
  return async (request: Request): Promise<Response> => {
    const startedAt = performance.now();
    const requestId = newRequestId();
    let actor: Actor | null = null;
    const fields = (status: number) => ({
      route: routeName,
      actorId: actor?.id ?? null,
      requestId,
      status,
      durationMs: Math.round(performance.now() - startedAt),
    });
    let response: Response;
    try {
      actor = await getActor();
      response = await answer(actor, request, permission, querySchema, respond);
    } catch (error) {
      const refusal = refusalResponse(error);
      if (!refusal) {
        logger.error({ ...fields(500), err: error }, "route failed");
        return Response.json(
          { error: `Something went wrong. Try again in a moment. Reference: ${requestId}` },
          { status: 500 },
        );
      }
      response = refusal;
    }
    logger.info(fields(response.status), "route answered");
    return response;
  };
}

async function answer<Q extends z.ZodType>(
  actor: Actor | null,
  request: Request,
  permission: Permission,
  querySchema: Q,
  respond: (actor: Actor, query: z.infer<Q>, request: Request) => Promise<Response>,
): Promise<Response> {
  if (!actor) return Response.json({ error: "Sign in to use this API." }, { status: 401 });
  assertCan(actor, permission);
  const query = querySchema.safeParse(singleValues(new URL(request.url).searchParams));
  if (!query.success) {
    const reason = query.error.issues.map((issue) => `${issue.path.join(".") || "query"}: ${issue.message}`).join("; ");
    return Response.json({ error: `Bad parameters: ${reason}` }, { status: 400 });
  }
  return await respond(actor, query.data, request);
}

/** The answer to an expected failure, or null for an unexpected one. */
function refusalResponse(error: unknown): Response | null {
  // Not the caller's fault and not a crash: the same request will work once the database answers.
  if (isDatabaseUnreachable(error))
    return Response.json(
      { error: "The database did not answer; try again shortly." },
      { status: 503, headers: { "Retry-After": "5" } },
    );
  const refusal = error instanceof CommandError ? error : busyRefusalOf(error);
  if (!refusal) return null;
  if (refusal.code === "busy")
    return Response.json(
      { error: refusal.message },
      { status: 503, headers: { "Retry-After": String(BUSY_RETRY_AFTER_SECONDS) } },
    );
  return Response.json({ error: refusal.message }, { status: refusal.code === "forbidden" ? 403 : 400 });
}
