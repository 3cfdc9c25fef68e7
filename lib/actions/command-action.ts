import { revalidatePath } from "next/cache";
import { createSafeActionClient } from "next-safe-action";
import { z } from "zod";
import type { Actor } from "@/lib/access/roles";
import { getActor } from "@/lib/auth/actor";
import { CommandError, type CommandErrorCode } from "@/lib/commands/command-error";
import { type Database, getPrisma } from "@/lib/db/prisma";
import { busyRefusalOf } from "@/lib/db/transaction";
import { logger } from "@/lib/logging/logger";
import { newRequestId } from "@/lib/logging/request-id";

/** What a failed action tells the browser: an expected refusal, or a generic message with a reference to its log line. */
export interface ActionError {
  code: CommandErrorCode | "unexpected";
  message: string;
  fieldErrors?: Record<string, string[]>;
}

export type Command<Result> = (db: Database, actor: Actor, input: unknown) => Promise<Result>;

interface CallContext {
  requestId: string;
  startedAt: number;
  actor?: Actor;
}

/** What every log line about one call of an action carries. */
const callFields = (actionName: string, { requestId, startedAt, actor }: CallContext) => ({
  action: actionName,
  actorId: actor?.id ?? null,
  requestId,
  durationMs: Math.round(performance.now() - startedAt),
});

/**
 * The one pipeline every server action goes through: name it, resolve the actor from the
 * session (never from input), run one lib command (which checks permission and validates),
 * log the outcome, and turn errors into an ActionError — expected ones verbatim, unexpected
 * ones logged with their stack and shown only as a reference to that log line.
 */
const actionClient = createSafeActionClient({
  defineMetadataSchema: () => z.object({ actionName: z.string() }),
  handleServerError(error, { metadata, ctx }): ActionError {
    // A busy database met outside a command (reading the session) is the same retryable refusal.
    const refusal = error instanceof CommandError ? error : busyRefusalOf(error);
    if (refusal) return { code: refusal.code, message: refusal.message, fieldErrors: refusal.fieldErrors };
    const call = ctx as CallContext;
    logger.error({ ...callFields(metadata.actionName, call), outcome: "failed", err: error }, "action failed");
    return {
      code: "unexpected",
      message: `Something went wrong and nothing was changed. Try again in a moment. Reference: ${call.requestId}`,
    };
  },
})
  .use(async ({ next, metadata }) => {
    const result = await next({ ctx: { requestId: newRequestId(), startedAt: performance.now() } });
    const error = result.serverError;
    // An unexpected failure was logged where its stack was at hand (handleServerError).
    if (error?.code !== "unexpected") {
      const outcome = error ? { outcome: "refused", code: error.code } : { outcome: "ok" };
      logger.info(
        { ...callFields(metadata.actionName, result.ctx as CallContext), ...outcome },
        `action ${outcome.outcome}`,
      );
    }
    return result;
  })
  .use(async ({ next }) => {
    const actor = await getActor();
    if (!actor) throw new CommandError("forbidden", "Your session has ended: sign in again.");
    return next({ ctx: { actor } });
  });

/**
 * A server action named `actionName` (in metadata, so in every log line about it) that hands
 * its raw input to one lib command — which checks the actor's permission and validates the
 * input with the schema passed here itself — then revalidates the pages that show what it
 * changed (reads revalidate nothing).
 */
export function commandAction<Schema extends z.ZodType, Result>(
  actionName: string,
  _inputSchema: Schema,
  command: Command<Result>,
  revalidate?: { path: string; type?: "layout" | "page" },
) {
  return (
    actionClient
      .metadata({ actionName })
      // The command's schema gives the input its TYPE, so a caller's typo fails to compile; it is not
      // applied here (z.custom checks nothing): the command parses the raw input itself, so its
      // refusals stay CommandErrors field by field, and no action can skip the check or repeat it.
      .inputSchema(z.custom<z.input<Schema>>())
      .action(async ({ parsedInput, ctx }) => {
        const result = await command(getPrisma(), ctx.actor, parsedInput);
        if (revalidate) revalidatePath(revalidate.path, revalidate.type);
        return result;
      })
  );
}
