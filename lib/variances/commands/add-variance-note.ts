import { z } from "zod";
import { assertCan } from "@/lib/access/permissions";
import type { Actor } from "@/lib/access/roles";
import { recordAuditEvent } from "@/lib/audit/audit-events";
import type { ReportDate } from "@/lib/calendar-date";
import { parseCommandInput, writtenText } from "@/lib/commands/command-input";
import type { Database } from "@/lib/db/prisma";
import { inTransaction, refuseWhenBusy } from "@/lib/db/transaction";
import { notifyVarianceChange } from "@/lib/live/notify-change";
import { reportDateBound } from "@/lib/report-date/report-date-bound";
import { NOTE_MAX_LENGTH } from "../triage-limits";
import { type VarianceId, varianceSubjectId } from "../variance-key";
import { findVariances, varianceNotFound } from "./find-variances";
import { varianceIdShape } from "./variance-input";
import { appendNote } from "./write-through";

export const addNoteInputSchema = z.strictObject({ ...varianceIdShape, text: writtenText("a note", NOTE_MAX_LENGTH) });

export interface NoteResult extends VarianceId {
  reportDate: ReportDate;
  note: { id: string; createdAt: string };
  /** Exception rows the note was appended to. */
  exceptionRows: number;
}

/**
 * Adds a note, kept exactly as written (rendering makes it safe, not storage). Notes are
 * append-only and never conflict, so they name no version and do not bump it: a note
 * must not make someone else's pending resolve or assign fail as stale. Two notes at
 * once both land, in variance_notes and on the exception rows.
 */
export async function addVarianceNote(db: Database, actor: Actor, rawInput: unknown): Promise<NoteResult> {
  assertCan(actor, "variances:triage");
  const input = parseCommandInput(addNoteInputSchema, rawInput);
  const bound = await refuseWhenBusy(() => reportDateBound(db));
  return inTransaction(db, async (tx) => {
    const [variance] = await findVariances(tx, [input], bound);
    if (!variance) throw varianceNotFound(input);
    const note = await tx.variance_notes.create({
      data: { variance_type: variance.type, variance_key: variance.key, author_user_id: actor.id, body: input.text },
      select: { id: true, created_at: true },
    });
    const exceptionRows = await appendNote(tx, variance, variance.reportDate, note.id);
    const noteId = note.id.toString();
    const action = "variance.note";
    const eventId = await recordAuditEvent(tx, {
      actorUserId: actor.id,
      actorEmail: actor.email,
      action,
      subjectType: "variance",
      subjectId: varianceSubjectId(variance),
      details: { reportDate: variance.reportDate, noteId, exceptionRows },
    });
    await notifyVarianceChange(tx, actor, {
      id: eventId,
      type: variance.type,
      key: variance.key,
      action,
      version: null,
    });
    return { ...variance, note: { id: noteId, createdAt: note.created_at.toISOString() }, exceptionRows };
  });
}
