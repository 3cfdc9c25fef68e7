import { z } from "zod";
import { assertCan } from "@/lib/access/permissions";
import type { Actor } from "@/lib/access/roles";
import { parseCommandInput } from "@/lib/commands/command-input";
import type { Database } from "@/lib/db/prisma";
import { assignment } from "./assign-variance";
import { type BulkResult, runBulkTriageCommand } from "./bulk-triage-pipeline";
import { bulkVariancesShape } from "./variance-input";

export const bulkUnassignInputSchema = z.strictObject(bulkVariancesShape);

/** Unassigns those assigned: bulk assign to nobody, as a command with no assignee to get wrong. */
export async function bulkUnassignVariances(db: Database, actor: Actor, rawInput: unknown): Promise<BulkResult> {
  assertCan(actor, "variances:triage");
  const input = parseCommandInput(bulkUnassignInputSchema, rawInput);
  return runBulkTriageCommand(db, actor, input.variances, (tx) => assignment(tx, null));
}
