import { z } from "zod";
import { assertCan } from "@/lib/access/permissions";
import type { Actor } from "@/lib/access/roles";
import { parseCommandInput, writtenText } from "@/lib/commands/command-input";
import type { Database } from "@/lib/db/prisma";
import { NOTE_MAX_LENGTH } from "../triage-limits";
import { runTriageCommand, type TriageCommand, type TriageResult } from "./triage-pipeline";
import { dateColumn, holdsResolution } from "./triage-state";
import { expectedVersionShape, varianceIdShape } from "./variance-input";
import { writeResolution } from "./write-through";

export const resolutionNoteSchema = writtenText("a resolution note", NOTE_MAX_LENGTH);

export const resolveInputSchema = z.strictObject({
  ...varianceIdShape,
  ...expectedVersionShape,
  note: resolutionNoteSchema,
});

/** Resolves on the report date acted on; a resolution also ends any snooze. Shared with bulk resolve. */
export function resolution(note: string): TriageCommand {
  return {
    action: "variance.resolve",
    refusal: (variance) => (holdsResolution(variance.triage, variance.reportDate) ? "already resolved" : null),
    changes: (variance, actor, now) => ({
      resolved_at: now,
      resolved_report_date: dateColumn(variance.reportDate),
      resolved_by_user_id: actor.id,
      resolution_note: note,
      snoozed_until: null,
      snooze_reason: null,
      snoozed_by_user_id: null,
    }),
    writeThrough: (tx, variance, actor) => writeResolution(tx, variance, variance.reportDate, actor.email),
  };
}

export async function resolveVariance(db: Database, actor: Actor, rawInput: unknown): Promise<TriageResult> {
  assertCan(actor, "variances:triage");
  const input = parseCommandInput(resolveInputSchema, rawInput);
  return runTriageCommand(db, actor, input, () => resolution(input.note));
}
