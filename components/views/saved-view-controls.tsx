"use client";

import { useEffect, useState } from "react";
import { clearDefaultViewAction, deleteViewAction, setDefaultViewAction } from "@/app/(dashboard)/views/actions";
import { CommandErrorMessage } from "@/components/variances/command-error";
import { useCommand } from "@/components/variances/use-command";
import type { SavedView } from "@/lib/views/saved-view";

const controlClass =
  "rounded px-1.5 py-0.5 text-xs text-gray-600 hover:bg-gray-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-600 disabled:opacity-60 dark:text-gray-300 dark:hover:bg-gray-800";

// Long enough to read, short enough not to linger next to the next click.
const CONFIRMATION_MS = 3000;

type CopyState = { copied: true } | { copied: false; url: string } | null;

/** Copy link, default on/off and delete for one of the person's views. */
export function SavedViewControls({ view }: { view: SavedView }) {
  const toggleDefault = useCommand(view.isDefault ? clearDefaultViewAction : setDefaultViewAction);
  const remove = useCommand(deleteViewAction);
  const [copy, setCopy] = useState<CopyState>(null);

  useEffect(() => {
    if (!copy?.copied) return;
    const timer = setTimeout(() => setCopy(null), CONFIRMATION_MS);
    return () => clearTimeout(timer);
  }, [copy]);

  const copyLink = async () => {
    // Shared as an absolute URL: a view is its link, whoever opens it.
    const url = new URL(view.href, window.location.origin).toString();
    try {
      await navigator.clipboard.writeText(url);
      setCopy({ copied: true });
    } catch {
      // No clipboard (plain http, or permission refused): show the link to copy by hand.
      setCopy({ copied: false, url });
    }
  };

  return (
    <>
      <button type="button" className={controlClass} onClick={copyLink} aria-label={`Copy link to “${view.name}”`}>
        Copy link
      </button>
      <button
        type="button"
        className={controlClass}
        disabled={toggleDefault.pending}
        onClick={() => toggleDefault.run({ id: view.id })}
        aria-label={
          view.isDefault ? `Stop opening the queue on “${view.name}”` : `Open the queue on “${view.name}” by default`
        }
      >
        {view.isDefault ? "Unset default" : "Make default"}
      </button>
      <button
        type="button"
        className={controlClass}
        disabled={remove.pending}
        onClick={() => remove.run({ id: view.id })}
        aria-label={`Delete “${view.name}”`}
      >
        Delete
      </button>
      <span role="status" className="text-xs text-emerald-800 empty:hidden dark:text-emerald-300">
        {copy?.copied && "Link copied"}
      </span>
      {copy && !copy.copied && (
        <span role="alert" className="text-xs">
          Copying was blocked; the link is <code className="select-all break-all">{copy.url}</code>
        </span>
      )}
      <CommandErrorMessage error={toggleDefault.error ?? remove.error} />
    </>
  );
}
