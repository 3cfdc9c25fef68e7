import { z } from "zod";
import type { Database } from "@/lib/db/prisma";
import type { Actor } from "@/lib/auth/roles";
import { assertCan } from "@/lib/auth/permissions";
import { parseCommandInput } from "@/lib/commands/command-input";
import { bulkVariancesShape } from "./variance-input";
import { runBulkTriageCommand, type BulkResult } from "./bulk-triage-pipeline";
import { resolution, resolutionNoteSchema } from "./resolve-variance";

const bulkResolveInputSchema = z.strictObject({ ...bulkVariancesShape, note: resolutionNoteSchema });
export type BulkResolveVariancesInput = z.input<typeof bulkResolveInputSchema>;

/** Resolves those not already resolved (regressed ones included) with one note. */
export async function bulkResolveVariances(db: Database, actor: Actor, rawInput: unknown): Promise<BulkResult> {
  assertCan(actor, "variances:triage");
  const input = parseCommandInput(bulkResolveInputSchema, rawInput);
  return runBulkTriageCommand(db, actor, input.variances, () => resolution(input.note));
}
