import { z } from "zod";
import { assertCan } from "@/lib/access/permissions";
import type { Actor } from "@/lib/access/roles";
import { parseCommandInput } from "@/lib/commands/command-input";
import type { Database } from "@/lib/db/prisma";
import { type BulkResult, runBulkTriageCommand } from "./bulk-triage-pipeline";
import { snooze, snoozeShape } from "./snooze-variance";
import { bulkVariancesShape } from "./variance-input";

export const bulkSnoozeInputSchema = z.strictObject({ ...bulkVariancesShape, ...snoozeShape });

/** Snoozes those not resolved; already-snoozed ones get the new snooze. */
export async function bulkSnoozeVariances(db: Database, actor: Actor, rawInput: unknown): Promise<BulkResult> {
  assertCan(actor, "variances:triage");
  const input = parseCommandInput(bulkSnoozeInputSchema, rawInput);
  return runBulkTriageCommand(db, actor, input.variances, () => snooze(input.days, input.reason));
}
