"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionClient } from "@/lib/actions/action-client";
import type { Actor } from "@/lib/auth/roles";
import { getPrisma, type Database } from "@/lib/db/prisma";
import { saveView } from "@/lib/views/save-view";
import { deleteView } from "@/lib/views/delete-view";
import { clearDefaultView, setDefaultView } from "@/lib/views/set-default-view";

/**
 * Thin adapters: each passes the raw input to one lib command, which checks permission,
 * validates and keeps the actor to their own views itself.
 */
function viewAction<Result>(command: (db: Database, actor: Actor, input: unknown) => Promise<Result>) {
  return actionClient
    .inputSchema(z.unknown())
    .action(async ({ parsedInput, ctx }) => {
      const result = await command(getPrisma(), ctx.actor, parsedInput);
      // Views are listed wherever the queue is, and the default decides where it opens.
      revalidatePath("/", "layout");
      return result;
    });
}

export const saveViewAction = viewAction(saveView);
export const deleteViewAction = viewAction(deleteView);
export const setDefaultViewAction = viewAction(setDefaultView);
export const clearDefaultViewAction = viewAction(clearDefaultView);
