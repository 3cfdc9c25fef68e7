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
import { secondaryButtonClass } from "@/components/ui/form-styles";
import type { UserSummary } from "@/lib/auth/user-directory";
import { isResolvedStatus, type LifecycleStatus } from "@/lib/variances/lifecycle";
import { CommandErrorMessage } from "./command-error";
import { AssignForm, NoteForm, ResolveForm, SnoozeForm } from "./triage-forms";
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

  return (
    <section
      aria-label="Triage"
      className="space-y-5 rounded-lg border border-gray-200 bg-white p-4 dark:border-gray-800 dark:bg-gray-900"
    >
      <ChangedWhileOpen variance={variance} />
      <AssignForm
        users={users}
        currentAssigneeId={target.assigneeId}
        onSubmit={(values) => assign.run({ ...versioned, ...values })}
        onAssignToMe={() => assignToMe.run(versioned)}
        pending={assign.pending || assignToMe.pending}
        error={assign.error ?? assignToMe.error}
      />
      {isResolvedStatus(target.status) ? (
        <div>
          <button
            type="button"
            className={secondaryButtonClass}
            disabled={reopen.pending}
            onClick={() => reopen.run(versioned)}
          >
            Reopen
          </button>
          <CommandErrorMessage error={reopen.error} />
        </div>
      ) : (
        <ResolveForm
          onSubmit={(values, reset) => resolve.run({ ...versioned, ...values }, reset)}
          pending={resolve.pending}
          error={resolve.error}
        />
      )}
      {target.status === "open" && (
        <SnoozeForm
          onSubmit={(values, reset) => snooze.run({ ...versioned, ...values }, reset)}
          pending={snooze.pending}
          error={snooze.error}
        />
      )}
      <NoteForm
        onSubmit={(values, reset) => note.run({ ...variance, ...values }, reset)}
        pending={note.pending}
        error={note.error}
      />
    </section>
  );
}
