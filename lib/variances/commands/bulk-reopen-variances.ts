import { z } from "zod";
import { assertCan } from "@/lib/access/permissions";
import type { Actor } from "@/lib/access/roles";
import { parseCommandInput } from "@/lib/commands/command-input";
import type { Database } from "@/lib/db/prisma";
import { type BulkResult, runBulkTriageCommand } from "./bulk-triage-pipeline";
import { reopening } from "./reopen-variance";
import { bulkVariancesShape } from "./variance-input";

export const bulkReopenInputSchema = z.strictObject(bulkVariancesShape);

/** Reopens those resolved, clearing the resolution on the rows of the date it was made on. */
export async function bulkReopenVariances(db: Database, actor: Actor, rawInput: unknown): Promise<BulkResult> {
  assertCan(actor, "variances:triage");
  const input = parseCommandInput(bulkReopenInputSchema, rawInput);
  return runBulkTriageCommand(db, actor, input.variances, () => reopening);
}
