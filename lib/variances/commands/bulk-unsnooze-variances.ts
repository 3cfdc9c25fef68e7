import { z } from "zod";
import { assertCan } from "@/lib/access/permissions";
import type { Actor } from "@/lib/access/roles";
import { todayUtc } from "@/lib/calendar-date";
import { parseCommandInput } from "@/lib/commands/command-input";
import type { Database } from "@/lib/db/prisma";
import { type BulkResult, runBulkTriageCommand } from "./bulk-triage-pipeline";
import type { TriageCommand } from "./triage-pipeline";
import { reportDateOf } from "./triage-state";
import { bulkVariancesShape } from "./variance-input";

export const bulkUnsnoozeInputSchema = z.strictObject(bulkVariancesShape);

/**
 * Ends a snooze now. A snooze whose date has come has ended by itself (the variance is open
 * again), so it counts as not snoozed. Nothing upstream records a snooze: nothing to write through.
 */
const unsnoozing: TriageCommand = {
  action: "variance.unsnooze",
  refusal: ({ triage }) =>
    triage.snoozed_until === null || reportDateOf(triage.snoozed_until) <= todayUtc() ? "not snoozed" : null,
  changes: () => ({ snoozed_until: null, snooze_reason: null, snoozed_by_user_id: null }),
  writeThrough: async () => 0,
};

export async function bulkUnsnoozeVariances(db: Database, actor: Actor, rawInput: unknown): Promise<BulkResult> {
  assertCan(actor, "variances:triage");
  const input = parseCommandInput(bulkUnsnoozeInputSchema, rawInput);
  return runBulkTriageCommand(db, actor, input.variances, () => unsnoozing);
}
