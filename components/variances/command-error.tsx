import type { ActionError } from "@/lib/actions/command-action";

/** A refused command, read out to screen readers as it appears. */
export function CommandErrorMessage({ error, id }: { error: ActionError | null; id?: string }) {
  if (!error) return null;
  const details = Object.values(error.fieldErrors ?? {}).flat();
  return (
    <div
      id={id}
      role="alert"
      className="mt-2 rounded bg-rose-50 px-2 py-1 text-sm text-rose-900 dark:bg-rose-950 dark:text-rose-200"
    >
      {error.message}
      {details.length > 0 && (
        <ul className="list-disc pl-5">
          {details.map((detail) => (
            <li key={detail}>{detail}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
