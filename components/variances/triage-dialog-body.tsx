"use client";

import {
  addVarianceNoteAction,
  assignVarianceAction,
  bulkAssignVariancesAction,
  bulkResolveVariancesAction,
  bulkSnoozeVariancesAction,
  resolveVarianceAction,
  snoozeVarianceAction,
} from "@/app/(dashboard)/variances/actions";
import type { UserSummary } from "@/lib/auth/user-directory";
import type { BulkResult } from "@/lib/variances/commands/bulk-triage-pipeline";
import type { TriageResult } from "@/lib/variances/commands/triage-pipeline";
import type { QueueRow } from "@/lib/variances/queue-row";
import type { VarianceId } from "@/lib/variances/variance-key";
import { AssignForm, NoteForm, ResolveForm, SnoozeForm } from "./triage-forms";
import { offerUndo } from "./undo-toast";
import { useCommand } from "./use-command";

export type TriageDialogKind = "resolve" | "assign" | "note" | "snooze";

/** One variance as the queue showed it (with the version seen), or a selection for a bulk command. */
export type TriageDialogTarget = { row: QueueRow } | { selection: VarianceId[] };

/** "Resolved 2; skipped 1 (already resolved)." */
export function bulkMessage(verb: string, { changed, skipped }: BulkResult): string {
  const reasons = [...new Set(skipped.map((skip) => skip.reason))].join(", ");
  return `${verb} ${changed}${skipped.length ? `; skipped ${skipped.length} (${reasons})` : ""}.`;
}

interface TriageDialogBodyProps {
  kind: TriageDialogKind;
  target: TriageDialogTarget;
  users: UserSummary[];
  /** The person at the keyboard, offered first when assigning. */
  meId: string;
  onDone: (message: string) => void;
}

export function TriageDialogBody({ kind, target, users, meId, onDone }: TriageDialogBodyProps) {
  // Each command's single and bulk forms are both hooked on every render, as hooks must be; the target picks one.
  const resolve = useCommand(resolveVarianceAction);
  const bulkResolve = useCommand(bulkResolveVariancesAction);
  const assign = useCommand(assignVarianceAction);
  const bulkAssign = useCommand(bulkAssignVariancesAction);
  const snooze = useCommand(snoozeVarianceAction);
  const bulkSnooze = useCommand(bulkSnoozeVariancesAction);
  const note = useCommand(addVarianceNoteAction);
  const bulk = "selection" in target ? target.selection : null;
  const row = "row" in target ? target.row : null;
  // The command's input names either the selection or the one variance and the version seen.
  const one = row && { type: row.type, key: row.key, expectedVersion: row.version };
  const count = bulk ? `${bulk.length} variance${bulk.length === 1 ? "" : "s"}` : "";
  // Each outcome also goes to a toast offering Undo of exactly the changes the command made.
  const done = (message: string, auditEventIds: string[]) => {
    onDone(message);
    offerUndo(message, auditEventIds);
  };
  const doneOne = (verb: string) => (result: TriageResult) => done(`${verb} ${row?.hostname}.`, [result.auditEventId]);
  const doneBulk = (verb: string) => (result: BulkResult) => done(bulkMessage(verb, result), result.auditEventIds);

  switch (kind) {
    case "resolve": {
      const command = bulk ? bulkResolve : resolve;
      return (
        <ResolveForm
          submitLabel={bulk ? `Resolve ${count}` : "Resolve"}
          pending={command.pending}
          error={command.error}
          onSubmit={(values) =>
            bulk
              ? bulkResolve.run({ variances: bulk, ...values }, doneBulk("Resolved"))
              : one && resolve.run({ ...one, ...values }, doneOne("Resolved"))
          }
        />
      );
    }
    case "assign": {
      const command = bulk ? bulkAssign : assign;
      return (
        <AssignForm
          users={users}
          currentAssigneeId={row?.assigneeId ?? null}
          meId={meId}
          submitLabel={bulk ? `Assign ${count}` : "Save"}
          pending={command.pending}
          error={command.error}
          onSubmit={(values) =>
            bulk
              ? bulkAssign.run({ variances: bulk, ...values }, doneBulk("Assigned"))
              : one && assign.run({ ...one, ...values }, doneOne("Assigned"))
          }
        />
      );
    }
    case "snooze": {
      const command = bulk ? bulkSnooze : snooze;
      return (
        <SnoozeForm
          submitLabel={bulk ? `Snooze ${count}` : "Snooze"}
          pending={command.pending}
          error={command.error}
          onSubmit={(values) =>
            bulk
              ? bulkSnooze.run({ variances: bulk, ...values }, doneBulk("Snoozed"))
              : one && snooze.run({ ...one, ...values }, doneOne("Snoozed"))
          }
        />
      );
    }
    case "note":
      // Notes are per variance; the queue offers them for the focused row only.
      return row ? (
        <NoteForm
          pending={note.pending}
          error={note.error}
          onSubmit={(values) =>
            note.run({ type: row.type, key: row.key, ...values }, () => onDone(`Added a note to ${row.hostname}.`))
          }
        />
      ) : null;
  }
}
