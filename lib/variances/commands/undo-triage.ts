import { z } from "zod";
import { assertCan } from "@/lib/access/permissions";
import type { Actor } from "@/lib/access/roles";
import { CommandError } from "@/lib/commands/command-error";
import { invalidInput, parseCommandInput, requiredOr } from "@/lib/commands/command-input";
import type { Database } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { BULK_LIMIT } from "../triage-limits";
import { parseVarianceSubjectId, type VarianceId, varianceSubjectId } from "../variance-key";
import { type BulkResult, runBulkTriageCommand } from "./bulk-triage-pipeline";
import type { LockedVariance } from "./lock-variances";
import type { TriageCommand } from "./triage-pipeline";
import { dateColumn } from "./triage-state";
import { clearResolution, writeAssignee, writeResolution } from "./write-through";

/** The triage changes an undo reverts; notes are append-only, and an undo is not itself undone. */
export const UNDOABLE_ACTIONS = [
  "variance.resolve",
  "variance.reopen",
  "variance.assign",
  "variance.unassign",
  "variance.snooze",
  "variance.unsnooze",
] as const;

// Audit ids are bigints; 18 digits stay below PostgreSQL's bigint maximum whatever they are.
const auditEventId = z.string({ error: "Give each event id as text." }).regex(/^[1-9]\d{0,17}$/, "Not an event id.");

export const undoTriageInputSchema = z.strictObject({
  eventIds: z
    .array(auditEventId, { error: requiredOr("Give the ids of the changes to undo as a list.") })
    .min(1, "Name at least one change to undo.")
    .max(BULK_LIMIT, `At most ${BULK_LIMIT.toLocaleString("en-US")} changes can be undone at once.`),
});

const reportDate = z.iso.date();
const nullable = <T extends z.ZodType>(schema: T) => schema.nullable();
/** The triage fields of an audited before/after state (triage-state.ts) that an undo restores. */
const recordedState = z.object({
  version: z.number().int(),
  assigneeUserId: nullable(z.string()),
  resolvedAt: nullable(z.iso.datetime()),
  resolvedReportDate: nullable(reportDate),
  resolvedByUserId: nullable(z.string()),
  resolutionNote: nullable(z.string()),
  snoozedUntil: nullable(reportDate),
  snoozeReason: nullable(z.string()),
  snoozedByUserId: nullable(z.string()),
});
const recordedChange = z.object({ before: recordedState, after: recordedState, reportDate });

interface UndoableEvent {
  id: string;
  action: string;
  variance: VarianceId;
  change: z.infer<typeof recordedChange>;
}

const notUndoable = (message: string) => invalidInput({ eventIds: [message] });

/**
 * The events named, read from the audit log — never from the client — and checked: each must
 * be a triage change of a variance, and a technician's own. The log is append-only (the app
 * role may not update it), so reading it before the transaction reads what it will hold.
 */
async function undoableEvents(db: Database, actor: Actor, ids: readonly string[]): Promise<UndoableEvent[]> {
  const rows = await db.audit_events.findMany({
    where: { id: { in: [...new Set(ids)].map(BigInt) } },
    select: { id: true, actor_user_id: true, action: true, subject_type: true, subject_id: true, details: true },
    orderBy: { id: "asc" },
  });
  const found = new Set(rows.map((row) => row.id.toString()));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) throw notUndoable(`No change has the id ${missing.slice(0, 5).join(", ")}.`);
  return rows.map((row) => {
    const id = row.id.toString();
    // Undoing reverts the work of whoever made the change: a technician their own, an admin anyone's.
    const own = actor.role === "admin" || row.actor_user_id === actor.id;
    const change = recordedChange.safeParse(row.details);
    const variance = row.subject_type === "variance" ? parseVarianceSubjectId(row.subject_id) : null;
    if (!variance || !(UNDOABLE_ACTIONS as readonly string[]).includes(row.action) || !change.success) {
      // Someone else's event is not described: naming ids must not read the audit log, which is the admin's.
      throw notUndoable(`Change ${id}${own ? ` (${row.action})` : ""} is not a triage change that can be undone.`);
    }
    if (!own) {
      throw new CommandError("forbidden", "You can undo only your own changes; ask an admin to undo a colleague's.");
    }
    return { id, action: row.action, variance, change: change.data };
  });
}

type Person = { email: string; name: string; active: boolean };

/** The restoring command: per variance, the newest event named on it. */
function restoring(events: ReadonlyMap<string, UndoableEvent>, people: ReadonlyMap<string, Person>): TriageCommand {
  const eventOf = (variance: LockedVariance) => events.get(varianceSubjectId(variance))!;
  return {
    action: "variance.undo",
    refusal: (variance) => {
      const { before, after } = eventOf(variance).change;
      // Every triage change bumps the version, so an equal version means nobody changed it since.
      if (variance.triage.version !== after.version) {
        return `changed by ${variance.triage.updated_by?.name ?? "someone"} since`;
      }
      const assignee = before.assigneeUserId === null ? null : people.get(before.assigneeUserId);
      if (before.assigneeUserId !== after.assigneeUserId && assignee && !assignee.active) {
        return `${assignee.name} can no longer be assigned work`;
      }
      return null;
    },
    // The version still moves forward (the pipeline bumps it): putting the old number back would let
    // an edit made on the state before the undone change — a dialog left open — pass the version check
    // and overwrite the undone change's successor without anyone having seen it.
    changes: (variance) => {
      const { before } = eventOf(variance).change;
      return {
        assignee_user_id: before.assigneeUserId,
        resolved_at: before.resolvedAt === null ? null : new Date(before.resolvedAt),
        resolved_report_date: before.resolvedReportDate === null ? null : dateColumn(before.resolvedReportDate),
        resolved_by_user_id: before.resolvedByUserId,
        resolution_note: before.resolutionNote,
        snoozed_until: before.snoozedUntil === null ? null : dateColumn(before.snoozedUntil),
        snooze_reason: before.snoozeReason,
        snoozed_by_user_id: before.snoozedByUserId,
      };
    },
    // The exception rows as the undone change found them: the resolution on the date each was
    // written on, the assignee on the report date the change acted on.
    writeThrough: async (tx, variance) => {
      const { before, after, reportDate: actedOn } = eventOf(variance).change;
      // Users are never deleted while triage rows name them (foreign keys), so each is known.
      const emailOf = (id: string) => people.get(id)!.email;
      let rows = 0;
      if (after.resolvedReportDate !== before.resolvedReportDate) {
        if (after.resolvedReportDate) rows += await clearResolution(tx, variance, after.resolvedReportDate);
        if (before.resolvedReportDate && before.resolvedByUserId) {
          rows += await writeResolution(tx, variance, before.resolvedReportDate, emailOf(before.resolvedByUserId));
        }
      }
      if (after.assigneeUserId !== before.assigneeUserId) {
        const assignee = before.assigneeUserId === null ? null : emailOf(before.assigneeUserId);
        rows += await writeAssignee(tx, variance, actedOn, assignee);
      }
      return rows;
    },
    details: (variance) => ({ undoes: eventOf(variance).id, undoneAction: eventOf(variance).action }),
  };
}

async function peopleIn(tx: Prisma.TransactionClient, events: Iterable<UndoableEvent>) {
  const ids = [...events].flatMap(({ change: { before } }) =>
    [before.assigneeUserId, before.resolvedByUserId].filter((id) => id !== null),
  );
  const users = await tx.users.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, email: true, name: true, disabled_at: true },
  });
  return new Map(users.map((user) => [user.id, { ...user, active: user.disabled_at === null }]));
}

/**
 * Reverts triage changes named by their audit events (as the commands returned them): each
 * variance gets back the triage fields it had before the change, if nobody has changed it
 * since (its version is still the change's); otherwise it is skipped, naming who did. Runs
 * as a bulk command (same lock order, one transaction, one "variance.undo" event each).
 */
export async function undoTriage(db: Database, actor: Actor, rawInput: unknown): Promise<BulkResult> {
  assertCan(actor, "variances:triage");
  const input = parseCommandInput(undoTriageInputSchema, rawInput);
  const events = await undoableEvents(db, actor, input.eventIds);
  // Two changes named on one variance: the newer is the one its current version can match.
  const newest = new Map(events.map((event) => [varianceSubjectId(event.variance), event]));
  return runBulkTriageCommand(
    db,
    actor,
    events.map((event) => event.variance),
    async (tx) => restoring(newest, await peopleIn(tx, newest.values())),
  );
}
