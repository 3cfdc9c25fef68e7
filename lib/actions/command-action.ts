import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { Actor } from "@/lib/access/roles";
import { type Database, getPrisma } from "@/lib/db/prisma";
import { actionClient } from "./action-client";

export type Command<Result> = (db: Database, actor: Actor, input: unknown) => Promise<Result>;

/**
 * A server action that passes its raw input to one lib command — which checks the actor's
 * permission and validates with zod itself, so no action can forget either — then
 * revalidates the pages that show what it changed (reads revalidate nothing).
 */
export function commandAction<Result>(
  command: Command<Result>,
  revalidate?: { path: string; type?: "layout" | "page" },
) {
  return actionClient.inputSchema(z.unknown()).action(async ({ parsedInput, ctx }) => {
    const result = await command(getPrisma(), ctx.actor, parsedInput);
    if (revalidate) revalidatePath(revalidate.path, revalidate.type);
    return result;
  });
}
