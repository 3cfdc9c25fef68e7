"use client";

import { useState } from "react";
import { saveViewAction } from "@/app/(dashboard)/views/actions";
import { controlClass, labelClass, primaryButtonClass } from "@/components/ui/form-styles";
import { CommandErrorMessage } from "@/components/variances/command-error";
import { useCommand } from "@/components/variances/use-command";
import { VIEW_NAME_MAX_LENGTH } from "@/lib/views/saved-view";

/** Saves the queue's current filters (`query`, as in the URL) under a name. */
export function SaveViewForm({ query }: { query: string }) {
  const save = useCommand(saveViewAction);
  const [name, setName] = useState("");
  const [savedName, setSavedName] = useState<string | null>(null);

  return (
    <form
      aria-label="Save view"
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        setSavedName(null);
        save.run({ name, query }, () => {
          setSavedName(name.trim());
          setName("");
        });
      }}
    >
      <div>
        <label htmlFor="save-view-name" className={labelClass}>
          Save these filters as
        </label>
        <input
          id="save-view-name"
          name="name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          required
          maxLength={VIEW_NAME_MAX_LENGTH}
          placeholder="e.g. My spare mismatches"
          aria-describedby="save-view-hint"
          className={controlClass}
        />
      </div>
      <button type="submit" className={primaryButtonClass} disabled={save.pending}>
        Save view
      </button>
      <p id="save-view-hint" className="w-full text-xs text-gray-600 dark:text-gray-400">
        Saving under a name you already use updates that view.
      </p>
      <p role="status" className="w-full text-sm text-emerald-800 empty:hidden dark:text-emerald-300">
        {savedName && `Saved “${savedName}”.`}
      </p>
      <div className="w-full empty:hidden">
        <CommandErrorMessage error={save.error} />
      </div>
    </form>
  );
}
