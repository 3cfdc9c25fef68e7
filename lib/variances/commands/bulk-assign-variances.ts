import { z } from "zod";
import type { Database } from "@/lib/db/prisma";
import type { Actor } from "@/lib/auth/roles";
import { assertCan } from "@/lib/auth/permissions";
import { parseCommandInput } from "@/lib/commands/command-input";
import { bulkVariancesShape } from "./variance-input";
import { runBulkTriageCommand, type BulkResult } from "./bulk-triage-pipeline";
import { assigneeUserIdSchema, assignment } from "./assign-variance";

const bulkAssignInputSchema = z.strictObject({ ...bulkVariancesShape, assigneeUserId: assigneeUserIdSchema });
export type BulkAssignVariancesInput = z.input<typeof bulkAssignInputSchema>;

/** Assigns (or unassigns, with null) those not already assigned that way. */
export async function bulkAssignVariances(db: Database, actor: Actor, rawInput: unknown): Promise<BulkResult> {
  assertCan(actor, "variances:triage");
  const input = parseCommandInput(bulkAssignInputSchema, rawInput);
  return runBulkTriageCommand(db, actor, input.variances, (tx) => assignment(tx, input.assigneeUserId));
}
