"use client";

import { useState } from "react";
import { mergeOrganizationsAction } from "@/app/(dashboard)/organizations/actions";
import { controlClass, labelClass, primaryButtonClass } from "@/components/ui/form-styles";
import { CommandErrorMessage } from "@/components/variances/command-error";
import { useCommand } from "@/components/variances/use-command";

interface Choice {
  key: string;
  name: string;
}

/** Admins: file one organisation's names under another, for spellings normalisation cannot join. */
export function MergeOrganizationsForm({ choices }: { choices: Choice[] }) {
  const merge = useCommand(mergeOrganizationsAction);
  const [from, setFrom] = useState("");
  const [into, setInto] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const nameOf = (key: string) => choices.find((choice) => choice.key === key)?.name ?? key;
  const options = (
    <>
      <option value="">Choose…</option>
      {choices.map((choice) => (
        <option key={choice.key} value={choice.key}>
          {choice.name}
        </option>
      ))}
    </>
  );

  return (
    <form
      aria-label="Merge organisations"
      className="flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        setDone(null);
        merge.run({ from, into }, () => {
          setDone(`Merged “${nameOf(from)}” into “${nameOf(into)}”.`);
          setFrom("");
          setInto("");
        });
      }}
    >
      <div className="min-w-0 flex-1 sm:max-w-xs">
        <label htmlFor="merge-from" className={labelClass}>
          Merge
        </label>
        <select
          id="merge-from"
          required
          value={from}
          onChange={(event) => setFrom(event.target.value)}
          className={controlClass}
        >
          {options}
        </select>
      </div>
      <div className="min-w-0 flex-1 sm:max-w-xs">
        <label htmlFor="merge-into" className={labelClass}>
          into
        </label>
        <select
          id="merge-into"
          required
          value={into}
          onChange={(event) => setInto(event.target.value)}
          className={controlClass}
        >
          {options}
        </select>
      </div>
      <button type="submit" className={primaryButtonClass} disabled={merge.pending}>
        Merge
      </button>
      <p role="status" className="w-full text-sm text-emerald-800 empty:hidden dark:text-emerald-300">
        {done}
      </p>
      <div className="w-full empty:hidden">
        <CommandErrorMessage error={merge.error} />
      </div>
    </form>
  );
}
