"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionClient } from "@/lib/actions/action-client";
import type { Actor } from "@/lib/auth/roles";
import { getPrisma, type Database } from "@/lib/db/prisma";
import { resolveVariance } from "@/lib/variances/commands/resolve-variance";
import { reopenVariance } from "@/lib/variances/commands/reopen-variance";
import { assignVariance, assignVarianceToMe } from "@/lib/variances/commands/assign-variance";
import { addVarianceNote } from "@/lib/variances/commands/add-variance-note";
import { snoozeVariance } from "@/lib/variances/commands/snooze-variance";
import { bulkResolveVariances } from "@/lib/variances/commands/bulk-resolve-variances";
import { bulkAssignVariances } from "@/lib/variances/commands/bulk-assign-variances";
import { bulkSnoozeVariances } from "@/lib/variances/commands/bulk-snooze-variances";

/**
 * Thin adapters: each passes the raw input to one lib command, which checks the actor's
 * permission and validates it with zod itself, so no action can forget either.
 */
function triageAction<Result>(command: (db: Database, actor: Actor, input: unknown) => Promise<Result>) {
  return actionClient
    .inputSchema(z.unknown())
    .action(async ({ parsedInput, ctx }) => {
      const result = await command(getPrisma(), ctx.actor, parsedInput);
      revalidatePath("/variances", "layout");
      return result;
    });
}

export const resolveVarianceAction = triageAction(resolveVariance);
export const reopenVarianceAction = triageAction(reopenVariance);
export const assignVarianceAction = triageAction(assignVariance);
export const assignVarianceToMeAction = triageAction(assignVarianceToMe);
export const addVarianceNoteAction = triageAction(addVarianceNote);
export const snoozeVarianceAction = triageAction(snoozeVariance);
export const bulkResolveVariancesAction = triageAction(bulkResolveVariances);
export const bulkAssignVariancesAction = triageAction(bulkAssignVariances);
export const bulkSnoozeVariancesAction = triageAction(bulkSnoozeVariances);
