"use client";

import {
  addVarianceNoteAction,
  assignVarianceAction,
  assignVarianceToMeAction,
  reopenVarianceAction,
  resolveVarianceAction,
  snoozeVarianceAction,
} from "@/app/(dashboard)/variances/actions";
import { ChangedWhileOpen } from "@/components/live/changed-while-open";
import { VariancePaletteCommands } from "@/components/palette/variance-palette-commands";
import { secondaryButtonClass } from "@/components/ui/form-styles";
import type { UserSummary } from "@/lib/auth/user-directory";
import { isResolvedStatus, type LifecycleStatus } from "@/lib/variances/lifecycle";
import { CommandErrorMessage } from "./command-error";
import { AssignForm, NoteForm, ResolveForm, SnoozeForm } from "./triage-forms";
import { offerUndo } from "./undo-toast";
import { useCommand } from "./use-command";

export interface TriageTarget {
  type: string;
  key: string;
  version: number;
  status: LifecycleStatus;
  assigneeId: string | null;
}

/** The technician's controls on the variance page. Managers never get this component. */
export function TriagePanel({ target, users }: { target: TriageTarget; users: UserSummary[] }) {
  const variance = { type: target.type, key: target.key };
  const versioned = { ...variance, expectedVersion: target.version };
  const resolve = useCommand(resolveVarianceAction);
  const reopen = useCommand(reopenVarianceAction);
  const assign = useCommand(assignVarianceAction);
  const assignToMe = useCommand(assignVarianceToMeAction);
  const note = useCommand(addVarianceNoteAction);
  const snooze = useCommand(snoozeVarianceAction);
  // A change's outcome, with Undo for a while; the form resets as before.
  const undoable =
    (message: string, reset?: () => void) =>
    ({ auditEventId }: { auditEventId: string }) => {
      reset?.();
      offerUndo(message, [auditEventId]);
    };

  return (
    <section
      aria-label="Triage"
      className="space-y-5 rounded-lg border border-gray-200 bg-white p-4 dark:border-gray-800 dark:bg-gray-900"
    >
      <ChangedWhileOpen variance={variance} />
      <AssignForm
        users={users}
        currentAssigneeId={target.assigneeId}
        onSubmit={(values) => assign.run({ ...versioned, ...values }, undoable("Assignee saved."))}
        onAssignToMe={() => assignToMe.run(versioned, undoable("Assigned to you."))}
        pending={assign.pending || assignToMe.pending}
        error={assign.error ?? assignToMe.error}
      />
      {isResolvedStatus(target.status) ? (
        <div>
          <button
            type="button"
            className={secondaryButtonClass}
            disabled={reopen.pending}
            onClick={() => reopen.run(versioned, undoable("Reopened."))}
          >
            Reopen
          </button>
          <CommandErrorMessage error={reopen.error} />
        </div>
      ) : (
        <ResolveForm
          onSubmit={(values, reset) => resolve.run({ ...versioned, ...values }, undoable("Resolved.", reset))}
          pending={resolve.pending}
          error={resolve.error}
        />
      )}
      {target.status === "open" && (
        <SnoozeForm
          onSubmit={(values, reset) => snooze.run({ ...versioned, ...values }, undoable("Snoozed.", reset))}
          pending={snooze.pending}
          error={snooze.error}
        />
      )}
      <NoteForm
        onSubmit={(values, reset) => note.run({ ...variance, ...values }, reset)}
        pending={note.pending}
        error={note.error}
      />
      <VariancePaletteCommands
        target={target}
        onReopen={() => reopen.run(versioned, undoable("Reopened."))}
        onAssignToMe={() => assignToMe.run(versioned, undoable("Assigned to you."))}
      />
    </section>
  );
}
