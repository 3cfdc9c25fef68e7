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
import type { QueueRow } from "@/lib/variances/queue-row";
import type { VarianceId } from "@/lib/variances/variance-key";
import { AssignForm, NoteForm, ResolveForm, SnoozeForm } from "./triage-forms";
import { useCommand } from "./use-command";

export type TriageDialogKind = "resolve" | "assign" | "note" | "snooze";

/** One variance as the queue showed it (with the version seen), or a selection for a bulk command. */
export type TriageDialogTarget = { row: QueueRow } | { selection: VarianceId[] };

interface BulkOutcome {
  changed: number;
  skipped: { reason: string }[];
}

/** "Resolved 2; skipped 1 (already resolved)." */
function bulkMessage(verb: string, result: unknown): string {
  const { changed, skipped } = result as BulkOutcome;
  const reasons = [...new Set(skipped.map((skip) => skip.reason))].join(", ");
  return `${verb} ${changed}${skipped.length ? `; skipped ${skipped.length} (${reasons})` : ""}.`;
}

interface TriageDialogBodyProps {
  kind: TriageDialogKind;
  target: TriageDialogTarget;
  users: UserSummary[];
  onDone: (message: string) => void;
}

export function TriageDialogBody({ kind, target, users, onDone }: TriageDialogBodyProps) {
  const bulk = "selection" in target;
  const resolve = useCommand(bulk ? bulkResolveVariancesAction : resolveVarianceAction);
  const assign = useCommand(bulk ? bulkAssignVariancesAction : assignVarianceAction);
  const snooze = useCommand(bulk ? bulkSnoozeVariancesAction : snoozeVarianceAction);
  const note = useCommand(addVarianceNoteAction);
  // The command's input names either the selection or the one variance and the version seen.
  const subject = bulk
    ? { variances: target.selection }
    : { type: target.row.type, key: target.row.key, expectedVersion: target.row.version };
  const count = bulk ? `${target.selection.length} variance${target.selection.length === 1 ? "" : "s"}` : "";
  const done = (verb: string) => (result: unknown) =>
    onDone(bulk ? bulkMessage(verb, result) : `${verb} ${target.row.hostname}.`);

  switch (kind) {
    case "resolve":
      return (
        <ResolveForm
          submitLabel={bulk ? `Resolve ${count}` : "Resolve"}
          pending={resolve.pending}
          error={resolve.error}
          onSubmit={(values) => resolve.run({ ...subject, ...values }, done("Resolved"))}
        />
      );
    case "assign":
      return (
        <AssignForm
          users={users}
          currentAssigneeId={bulk ? null : target.row.assigneeId}
          submitLabel={bulk ? `Assign ${count}` : "Save"}
          pending={assign.pending}
          error={assign.error}
          onSubmit={(values) => assign.run({ ...subject, ...values }, done("Assigned"))}
        />
      );
    case "snooze":
      return (
        <SnoozeForm
          submitLabel={bulk ? `Snooze ${count}` : "Snooze"}
          pending={snooze.pending}
          error={snooze.error}
          onSubmit={(values) => snooze.run({ ...subject, ...values }, done("Snoozed"))}
        />
      );
    case "note":
      // Notes are per variance; the queue offers them for the focused row only.
      return bulk ? null : (
        <NoteForm
          pending={note.pending}
          error={note.error}
          onSubmit={(values) =>
            note.run({ type: target.row.type, key: target.row.key, ...values }, done("Added a note to"))
          }
        />
      );
  }
}
