"use client";

import type { QueueRow } from "@/lib/variances/queue-row";
import type { UserSummary } from "@/lib/auth/user-directory";
import {
  addVarianceNoteAction,
  assignVarianceAction,
  bulkAssignVariancesAction,
  bulkResolveVariancesAction,
  bulkSnoozeVariancesAction,
  resolveVarianceAction,
  snoozeVarianceAction,
} from "@/app/(dashboard)/variances/actions";
import { AssignForm, NoteForm, ResolveForm, SnoozeForm } from "./triage-forms";
import { useCommand } from "./use-command";

export type TriageDialogKind = "resolve" | "assign" | "note" | "snooze";

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
  rows: QueueRow[];
  bulk: boolean;
  users: UserSummary[];
  onDone: (message: string) => void;
}

/** The form inside a queue dialog: one variance (with the version seen) or the selection. */
export function TriageDialogBody({ kind, rows, bulk, users, onDone }: TriageDialogBodyProps) {
  const [first] = rows;
  const variances = rows.map(({ type, key }) => ({ type, key }));
  const single = first ? { type: first.type, key: first.key, expectedVersion: first.version } : null;
  const count = `${rows.length} variance${rows.length === 1 ? "" : "s"}`;
  const resolve = useCommand(bulk ? bulkResolveVariancesAction : resolveVarianceAction);
  const assign = useCommand(bulk ? bulkAssignVariancesAction : assignVarianceAction);
  const snooze = useCommand(bulk ? bulkSnoozeVariancesAction : snoozeVarianceAction);
  const note = useCommand(addVarianceNoteAction);
  const done = (verb: string) => (result: unknown) => onDone(bulk ? bulkMessage(verb, result) : `${verb} ${first?.hostname}.`);

  if (!first) return <p className="text-sm">Select a variance first.</p>;
  switch (kind) {
    case "resolve":
      return (
        <ResolveForm
          submitLabel={bulk ? `Resolve ${count}` : "Resolve"}
          pending={resolve.pending}
          error={resolve.error}
          onSubmit={({ note: text }) => resolve.run(bulk ? { variances, note: text } : { ...single, note: text }, done("Resolved"))}
        />
      );
    case "assign":
      return (
        <AssignForm
          users={users}
          currentAssigneeId={bulk ? null : first.assigneeId}
          submitLabel={bulk ? `Assign ${count}` : "Save"}
          pending={assign.pending}
          error={assign.error}
          onSubmit={({ assigneeUserId }) => assign.run(bulk ? { variances, assigneeUserId } : { ...single, assigneeUserId }, done("Assigned"))}
        />
      );
    case "snooze":
      return (
        <SnoozeForm
          submitLabel={bulk ? `Snooze ${count}` : "Snooze"}
          pending={snooze.pending}
          error={snooze.error}
          onSubmit={(values) => snooze.run(bulk ? { variances, ...values } : { ...single, ...values }, done("Snoozed"))}
        />
      );
    case "note":
      return <NoteForm pending={note.pending} error={note.error} onSubmit={({ text }) => note.run({ type: first.type, key: first.key, text }, done("Added a note to"))} />;
  }
}
