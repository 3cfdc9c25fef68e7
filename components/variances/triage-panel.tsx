"use client";

import { useId, type FormEvent } from "react";
import type { LifecycleStatus } from "@/lib/variances/lifecycle";
import { SNOOZE_DAYS } from "@/lib/variances/lifecycle";
import type { UserSummary } from "@/lib/auth/user-directory";
import {
  addVarianceNoteAction,
  assignVarianceAction,
  assignVarianceToMeAction,
  reopenVarianceAction,
  resolveVarianceAction,
  snoozeVarianceAction,
} from "@/app/(dashboard)/variances/actions";
import { controlClass, labelClass, primaryButtonClass, secondaryButtonClass } from "@/components/ui/form-styles";
import { CommandErrorMessage } from "./command-error";
import { useCommand } from "./use-command";

export interface TriageTarget {
  type: string;
  key: string;
  version: number;
  status: LifecycleStatus;
  assigneeId: string | null;
}

const formValues = (event: FormEvent<HTMLFormElement>) => {
  event.preventDefault();
  return { form: event.currentTarget, data: new FormData(event.currentTarget) };
};

/** The technician's controls on the variance page. Managers never get this component. */
export function TriagePanel({ target, users }: { target: TriageTarget; users: UserSummary[] }) {
  const id = useId();
  const variance = { type: target.type, key: target.key };
  const versioned = { ...variance, expectedVersion: target.version };
  const resolve = useCommand(resolveVarianceAction);
  const reopen = useCommand(reopenVarianceAction);
  const assign = useCommand(assignVarianceAction);
  const assignToMe = useCommand(assignVarianceToMeAction);
  const note = useCommand(addVarianceNoteAction);
  const snooze = useCommand(snoozeVarianceAction);
  const isResolved = target.status === "resolved" || target.status === "verified";

  return (
    <section aria-label="Triage" className="space-y-5 rounded-lg border border-gray-200 bg-white p-4 dark:border-gray-800 dark:bg-gray-900">
      <form
        onSubmit={(event) => {
          const { data } = formValues(event);
          const assigneeUserId = String(data.get("assignee") ?? "");
          assign.run({ ...versioned, assigneeUserId: assigneeUserId || null });
        }}
      >
        <label htmlFor={`${id}-assignee`} className={labelClass}>Assignee</label>
        <div className="mt-1 flex gap-2">
          <select id={`${id}-assignee`} name="assignee" defaultValue={target.assigneeId ?? ""} className={controlClass} key={target.version}>
            <option value="">Unassigned</option>
            {users.map((user) => (
              <option key={user.id} value={user.id}>
                {user.name}
              </option>
            ))}
          </select>
          <button type="submit" className={secondaryButtonClass} disabled={assign.pending}>
            Save
          </button>
        </div>
        <button type="button" className="mt-2 text-sm font-medium text-blue-700 hover:underline dark:text-blue-300" disabled={assignToMe.pending} onClick={() => assignToMe.run(versioned)}>
          Assign to me
        </button>
        <CommandErrorMessage error={assign.error ?? assignToMe.error} />
      </form>

      {isResolved ? (
        <div>
          <button type="button" className={secondaryButtonClass} disabled={reopen.pending} onClick={() => reopen.run(versioned)}>
            Reopen
          </button>
          <CommandErrorMessage error={reopen.error} />
        </div>
      ) : (
        <form
          onSubmit={(event) => {
            const { form, data } = formValues(event);
            resolve.run({ ...versioned, note: String(data.get("note") ?? "") }, () => form.reset());
          }}
        >
          <label htmlFor={`${id}-resolution`} className={labelClass}>Resolution note</label>
          <textarea id={`${id}-resolution`} name="note" rows={3} required maxLength={5000} className={`mt-1 ${controlClass}`} placeholder="What did you do?" />
          <button type="submit" className={`mt-2 ${primaryButtonClass}`} disabled={resolve.pending}>
            Resolve
          </button>
          <CommandErrorMessage error={resolve.error} />
        </form>
      )}

      {target.status === "open" && (
        <form
          onSubmit={(event) => {
            const { form, data } = formValues(event);
            snooze.run({ ...versioned, days: Number(data.get("days")), reason: String(data.get("reason") ?? "") }, () => form.reset());
          }}
        >
          <fieldset>
            <legend className={labelClass}>Snooze</legend>
            <div className="mt-1 flex gap-2">
              <label htmlFor={`${id}-days`} className="sr-only">Snooze for</label>
              <select id={`${id}-days`} name="days" defaultValue="7" className={`w-28 ${controlClass}`}>
                {SNOOZE_DAYS.map((days) => (
                  <option key={days} value={days}>
                    {days} days
                  </option>
                ))}
              </select>
              <label htmlFor={`${id}-reason`} className="sr-only">Snooze reason</label>
              <input id={`${id}-reason`} name="reason" required maxLength={500} placeholder="Reason" className={controlClass} />
            </div>
            <button type="submit" className={`mt-2 ${secondaryButtonClass}`} disabled={snooze.pending}>
              Snooze
            </button>
          </fieldset>
          <CommandErrorMessage error={snooze.error} />
        </form>
      )}

      <form
        onSubmit={(event) => {
          const { form, data } = formValues(event);
          note.run({ ...variance, text: String(data.get("text") ?? "") }, () => form.reset());
        }}
      >
        <label htmlFor={`${id}-note`} className={labelClass}>Add a note</label>
        <textarea id={`${id}-note`} name="text" rows={3} required maxLength={5000} className={`mt-1 ${controlClass}`} />
        <button type="submit" className={`mt-2 ${secondaryButtonClass}`} disabled={note.pending}>
          Add note
        </button>
        <CommandErrorMessage error={note.error} />
      </form>
    </section>
  );
}
