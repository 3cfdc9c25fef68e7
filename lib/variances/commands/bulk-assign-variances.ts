import { z } from "zod";
import { assertCan } from "@/lib/access/permissions";
import type { Actor } from "@/lib/access/roles";
import { parseCommandInput } from "@/lib/commands/command-input";
import type { Database } from "@/lib/db/prisma";
import { assigneeUserIdSchema, assignment } from "./assign-variance";
import { type BulkResult, runBulkTriageCommand } from "./bulk-triage-pipeline";
import { bulkVariancesShape } from "./variance-input";

export const bulkAssignInputSchema = z.strictObject({ ...bulkVariancesShape, assigneeUserId: assigneeUserIdSchema });

/** Assigns (or unassigns, with null) those not already assigned that way. */
export async function bulkAssignVariances(db: Database, actor: Actor, rawInput: unknown): Promise<BulkResult> {
  assertCan(actor, "variances:triage");
  const input = parseCommandInput(bulkAssignInputSchema, rawInput);
  return runBulkTriageCommand(db, actor, input.variances, (tx) => assignment(tx, input.assigneeUserId));
}
