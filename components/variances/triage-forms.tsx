"use client";

import { type FormEvent, useId } from "react";
import { controlClass, labelClass, primaryButtonClass, secondaryButtonClass } from "@/components/ui/form-styles";
import type { ActionError } from "@/lib/actions/command-action";
import type { UserSummary } from "@/lib/auth/user-directory";
import { SNOOZE_DAYS } from "@/lib/variances/lifecycle";
import { NOTE_MAX_LENGTH, SNOOZE_REASON_MAX_LENGTH } from "@/lib/variances/triage-limits";
import { CommandErrorMessage } from "./command-error";

type SnoozeDays = (typeof SNOOZE_DAYS)[number];

/**
 * The triage forms, shared by the variance page's panel and the queue's dialogs (single and
 * bulk). Each hands plain values to `onSubmit` and resets itself when told it succeeded.
 */
interface FormProps<Values> {
  onSubmit: (values: Values, reset: () => void) => void;
  pending: boolean;
  error: ActionError | null;
  submitLabel?: string;
}

function submitted(event: FormEvent<HTMLFormElement>) {
  event.preventDefault();
  const form = event.currentTarget;
  return { data: new FormData(form), reset: () => form.reset() };
}

export function ResolveForm({ onSubmit, pending, error, submitLabel = "Resolve" }: FormProps<{ note: string }>) {
  const id = useId();
  return (
    <form
      onSubmit={(event) => {
        const { data, reset } = submitted(event);
        onSubmit({ note: String(data.get("note") ?? "") }, reset);
      }}
    >
      <label htmlFor={`${id}-note`} className={labelClass}>
        Resolution note
      </label>
      <textarea
        id={`${id}-note`}
        name="note"
        rows={3}
        required
        maxLength={NOTE_MAX_LENGTH}
        className={`mt-1 ${controlClass}`}
        placeholder="What did you do?"
      />
      <button type="submit" className={`mt-2 ${primaryButtonClass}`} disabled={pending}>
        {submitLabel}
      </button>
      <CommandErrorMessage error={error} />
    </form>
  );
}

export function NoteForm({ onSubmit, pending, error }: FormProps<{ text: string }>) {
  const id = useId();
  return (
    <form
      onSubmit={(event) => {
        const { data, reset } = submitted(event);
        onSubmit({ text: String(data.get("text") ?? "") }, reset);
      }}
    >
      <label htmlFor={`${id}-text`} className={labelClass}>
        Add a note
      </label>
      <textarea
        id={`${id}-text`}
        name="text"
        rows={3}
        required
        maxLength={NOTE_MAX_LENGTH}
        className={`mt-1 ${controlClass}`}
      />
      <button type="submit" className={`mt-2 ${secondaryButtonClass}`} disabled={pending}>
        Add note
      </button>
      <CommandErrorMessage error={error} />
    </form>
  );
}

export function SnoozeForm({
  onSubmit,
  pending,
  error,
  submitLabel = "Snooze",
}: FormProps<{ days: SnoozeDays; reason: string }>) {
  const id = useId();
  return (
    <form
      onSubmit={(event) => {
        const { data, reset } = submitted(event);
        // The select's options are exactly SNOOZE_DAYS; the command checks the value again.
        const days = Number(data.get("days")) as SnoozeDays;
        onSubmit({ days, reason: String(data.get("reason") ?? "") }, reset);
      }}
    >
      <fieldset>
        <legend className={labelClass}>Snooze</legend>
        <div className="mt-1 flex gap-2">
          <label htmlFor={`${id}-days`} className="sr-only">
            Snooze for
          </label>
          <select id={`${id}-days`} name="days" defaultValue="7" className={`w-28 ${controlClass}`}>
            {SNOOZE_DAYS.map((days) => (
              <option key={days} value={days}>
                {days} days
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-reason`} className="sr-only">
            Snooze reason
          </label>
          <input
            id={`${id}-reason`}
            name="reason"
            required
            maxLength={SNOOZE_REASON_MAX_LENGTH}
            placeholder="Reason"
            className={controlClass}
          />
        </div>
        <button type="submit" className={`mt-2 ${secondaryButtonClass}`} disabled={pending}>
          {submitLabel}
        </button>
      </fieldset>
      <CommandErrorMessage error={error} />
    </form>
  );
}

interface AssignFormProps extends FormProps<{ assigneeUserId: string | null }> {
  users: UserSummary[];
  currentAssigneeId: string | null;
  onAssignToMe?: () => void;
  /** The person assigning: offered first as "Me", and chosen when nobody is assigned yet. */
  meId?: string;
}

export function AssignForm({
  onSubmit,
  pending,
  error,
  users,
  currentAssigneeId,
  onAssignToMe,
  meId,
  submitLabel = "Save",
}: AssignFormProps) {
  const id = useId();
  const me = users.find((user) => user.id === meId);
  const others = users.filter((user) => user !== me);
  return (
    <form
      onSubmit={(event) => {
        const { data, reset } = submitted(event);
        onSubmit({ assigneeUserId: String(data.get("assignee") ?? "") || null }, reset);
      }}
    >
      <label htmlFor={`${id}-assignee`} className={labelClass}>
        Assignee
      </label>
      <div className="mt-1 flex gap-2">
        <select
          id={`${id}-assignee`}
          name="assignee"
          defaultValue={currentAssigneeId ?? me?.id ?? ""}
          className={controlClass}
          key={currentAssigneeId ?? "none"}
        >
          {me && <option value={me.id}>Me ({me.name})</option>}
          <option value="">Unassigned</option>
          {others.map((user) => (
            <option key={user.id} value={user.id}>
              {user.name}
            </option>
          ))}
        </select>
        <button type="submit" className={secondaryButtonClass} disabled={pending}>
          {submitLabel}
        </button>
      </div>
      {onAssignToMe && (
        <button
          type="button"
          className="mt-2 text-sm font-medium text-blue-700 hover:underline dark:text-blue-300"
          disabled={pending}
          onClick={onAssignToMe}
        >
          Assign to me
        </button>
      )}
      <CommandErrorMessage error={error} />
    </form>
  );
}
