import { z } from "zod";
import { assertCan } from "@/lib/access/permissions";
import type { Actor } from "@/lib/access/roles";
import { invalidInput, parseCommandInput } from "@/lib/commands/command-input";
import type { Database } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { runTriageCommand, type TriageCommand, type TriageResult } from "./triage-pipeline";
import { expectedVersionShape, varianceIdShape } from "./variance-input";
import { writeAssignee } from "./write-through";

export const assigneeUserIdSchema = z
  .uuid({
    error: (issue) =>
      issue.input === undefined
        ? "This field is required (null to unassign)."
        : "Give the assignee's user id, or null to unassign.",
  })
  .nullable();

export const assignInputSchema = z.strictObject({
  ...varianceIdShape,
  ...expectedVersionShape,
  assigneeUserId: assigneeUserIdSchema,
});
export const assignToMeInputSchema = z.strictObject({ ...varianceIdShape, ...expectedVersionShape });

async function activeUser(tx: Prisma.TransactionClient, id: string) {
  const user = await tx.users.findFirst({
    where: { id, disabled_at: null },
    select: { id: true, email: true, name: true },
  });
  if (!user) throw invalidInput({ assigneeUserId: ["Work can only be assigned to an active user."] });
  return user;
}

/** Assigns to an active user, or unassigns with null. Shared with bulk assign. */
export async function assignment(tx: Prisma.TransactionClient, assigneeUserId: string | null): Promise<TriageCommand> {
  const assignee = assigneeUserId === null ? null : await activeUser(tx, assigneeUserId);
  return {
    action: assignee ? "variance.assign" : "variance.unassign",
    refusal: ({ triage }) => {
      if (triage.assignee_user_id !== (assignee?.id ?? null)) return null;
      return assignee ? `already assigned to ${assignee.name}` : "already unassigned";
    },
    changes: () => ({ assignee_user_id: assignee?.id ?? null }),
    writeThrough: (tx, variance) => writeAssignee(tx, variance, variance.reportDate, assignee?.email ?? null),
    details: { assignee },
  };
}

export async function assignVariance(db: Database, actor: Actor, rawInput: unknown): Promise<TriageResult> {
  assertCan(actor, "variances:triage");
  const input = parseCommandInput(assignInputSchema, rawInput);
  return runTriageCommand(db, actor, input, (tx) => assignment(tx, input.assigneeUserId));
}

/** The assignee is the signed-in actor, never a field of the input. */
export async function assignVarianceToMe(db: Database, actor: Actor, rawInput: unknown): Promise<TriageResult> {
  assertCan(actor, "variances:triage");
  const input = parseCommandInput(assignToMeInputSchema, rawInput);
  return runTriageCommand(db, actor, input, (tx) => assignment(tx, actor.id));
}
