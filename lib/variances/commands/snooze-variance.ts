import { z } from "zod";
import { assertCan } from "@/lib/access/permissions";
import type { Actor } from "@/lib/access/roles";
import { addDays, todayUtc } from "@/lib/calendar-date";
import { parseCommandInput, requiredOr, writtenText } from "@/lib/commands/command-input";
import type { Database } from "@/lib/db/prisma";
import { SNOOZE_DAYS } from "../lifecycle";
import { SNOOZE_REASON_MAX_LENGTH } from "../triage-limits";
import { runTriageCommand, type TriageCommand, type TriageResult } from "./triage-pipeline";
import { dateColumn, holdsResolution } from "./triage-state";
import { expectedVersionShape, varianceIdShape } from "./variance-input";

export const snoozeShape = {
  days: z.literal(SNOOZE_DAYS, {
    error: requiredOr(`Snooze for ${SNOOZE_DAYS.slice(0, -1).join(", ")} or ${SNOOZE_DAYS.at(-1)} days.`),
  }),
  reason: writtenText("a reason for the snooze", SNOOZE_REASON_MAX_LENGTH),
};

export const snoozeInputSchema = z.strictObject({ ...varianceIdShape, ...expectedVersionShape, ...snoozeShape });

/**
 * Snoozes until today (UTC) + days; the variance is back by itself on that date. Snoozing
 * again replaces the snooze. Nothing upstream records a snooze, so nothing is written through.
 * Shared with bulk snooze.
 */
export function snooze(days: number, reason: string): TriageCommand {
  return {
    action: "variance.snooze",
    refusal: (variance) => (holdsResolution(variance.triage, variance.reportDate) ? "resolved" : null),
    changes: (_variance, actor, now) => ({
      snoozed_until: dateColumn(addDays(todayUtc(now), days)),
      snooze_reason: reason,
      snoozed_by_user_id: actor.id,
    }),
    writeThrough: async () => 0,
  };
}

export async function snoozeVariance(db: Database, actor: Actor, rawInput: unknown): Promise<TriageResult> {
  assertCan(actor, "variances:triage");
  const input = parseCommandInput(snoozeInputSchema, rawInput);
  return runTriageCommand(db, actor, input, () => snooze(input.days, input.reason));
}
