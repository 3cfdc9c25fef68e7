import { z } from "zod";
import { assertCan } from "@/lib/access/permissions";
import type { Actor } from "@/lib/access/roles";
import { parseCommandInput } from "@/lib/commands/command-input";
import type { Database } from "@/lib/db/prisma";
import { type BulkResult, runBulkTriageCommand } from "./bulk-triage-pipeline";
import { resolution, resolutionNoteSchema } from "./resolve-variance";
import { bulkVariancesShape } from "./variance-input";

export const bulkResolveInputSchema = z.strictObject({ ...bulkVariancesShape, note: resolutionNoteSchema });

/** Resolves those not already resolved (regressed ones included) with one note. */
export async function bulkResolveVariances(db: Database, actor: Actor, rawInput: unknown): Promise<BulkResult> {
  assertCan(actor, "variances:triage");
  const input = parseCommandInput(bulkResolveInputSchema, rawInput);
  return runBulkTriageCommand(db, actor, input.variances, () => resolution(input.note));
}
