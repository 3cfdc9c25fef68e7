import { z } from "zod";
import { assertCan } from "@/lib/access/permissions";
import type { Actor } from "@/lib/access/roles";
import { parseCommandInput } from "@/lib/commands/command-input";
import type { Database } from "@/lib/db/prisma";
import { runTriageCommand, type TriageCommand, type TriageResult } from "./triage-pipeline";
import { reportDateOf } from "./triage-state";
import { expectedVersionShape, varianceIdShape } from "./variance-input";
import { clearResolution } from "./write-through";

export const reopenInputSchema = z.strictObject({ ...varianceIdShape, ...expectedVersionShape });

/** Clears the resolution. Shared with bulk reopen. */
export const reopening: TriageCommand = {
  action: "variance.reopen",
  refusal: ({ triage }) => (triage.resolved_report_date === null ? "not resolved" : null),
  changes: () => ({ resolved_at: null, resolved_report_date: null, resolved_by_user_id: null, resolution_note: null }),
  // The resolution was written onto the rows of the date it was made on, which a regressed
  // variance's current report date no longer is.
  writeThrough: (tx, { type, key, triage }) =>
    triage.resolved_report_date
      ? clearResolution(tx, { type, key }, reportDateOf(triage.resolved_report_date))
      : Promise.resolve(0),
};

export async function reopenVariance(db: Database, actor: Actor, rawInput: unknown): Promise<TriageResult> {
  assertCan(actor, "variances:triage");
  const input = parseCommandInput(reopenInputSchema, rawInput);
  return runTriageCommand(db, actor, input, () => reopening);
}
