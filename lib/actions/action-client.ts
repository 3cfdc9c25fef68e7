import { createSafeActionClient } from "next-safe-action";
import { getActor } from "@/lib/auth/actor";
import { CommandError, type CommandErrorCode } from "@/lib/commands/command-error";
import { busyRefusalOf } from "@/lib/db/transaction";

/** What a failed action tells the browser: an expected refusal, or a generic message. */
export interface ActionError {
  code: CommandErrorCode | "unexpected";
  message: string;
  fieldErrors?: Record<string, string[]>;
}

/**
 * The one pipeline every server action goes through: resolve the actor from the session
 * (never from input), run one lib command (which checks permission and validates), and turn
 * errors into an ActionError — expected ones verbatim, unexpected ones logged and hidden.
 */
export const actionClient = createSafeActionClient({
  handleServerError(error): ActionError {
    // A busy database met outside a command (reading the session) is the same retryable refusal.
    const refusal = error instanceof CommandError ? error : busyRefusalOf(error);
    if (refusal) return { code: refusal.code, message: refusal.message, fieldErrors: refusal.fieldErrors };
    console.error("server action failed", error);
    return { code: "unexpected", message: "Something went wrong and nothing was changed. Try again in a moment." };
  },
}).use(async ({ next }) => {
  const actor = await getActor();
  if (!actor) throw new CommandError("forbidden", "Your session has ended: sign in again.");
  return next({ ctx: { actor } });
});
