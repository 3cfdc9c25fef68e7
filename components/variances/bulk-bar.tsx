"use client";

import { secondaryButtonClass } from "@/components/ui/form-styles";
import type { VarianceId } from "@/lib/variances/variance-key";
import { BulkQuickActions } from "./bulk-quick-actions";
import type { TriageDialogKind } from "./triage-dialog-body";

const bulkActions: [Exclude<TriageDialogKind, "note">, string][] = [
  ["resolve", "Resolve"],
  ["assign", "Assign"],
  ["snooze", "Snooze"],
];

interface BulkBarProps {
  selection: VarianceId[];
  total: number;
  selectingAll: boolean;
  onSelectAll: () => void;
  onAct: (kind: TriageDialogKind) => void;
  onClear: () => void;
  /** The outcome of an action run from the bar itself. */
  onDone: (message: string) => void;
}

const linkButton = "text-sm font-medium text-blue-800 hover:underline disabled:opacity-60 dark:text-blue-200";

/**
 * With nothing selected, one link under the list; with a selection, a bar floating over the
 * bottom of the screen (as in Linear), so it takes no room from the rows.
 */
export function BulkBar({ selection, total, selectingAll, onSelectAll, onAct, onClear, onDone }: BulkBarProps) {
  if (total === 0) return null;
  const count = selection.length;
  const selectAll = count < total && (
    <button type="button" className={linkButton} disabled={selectingAll} onClick={onSelectAll}>
      Select all {total} matching this filter
    </button>
  );
  return (
    <div
      role="toolbar"
      aria-label="Bulk actions"
      className={
        count === 0
          ? "flex items-center gap-2 text-sm"
          : "fixed inset-x-2 bottom-3 z-30 mx-auto flex max-w-5xl flex-wrap items-center gap-2 rounded-xl border border-blue-200 bg-white px-3 py-2 text-sm shadow-2xl ring-1 ring-black/5 dark:border-blue-900 dark:bg-gray-900"
      }
    >
      <span className={count === 0 ? "sr-only" : "font-medium"} data-testid="selection-count">
        {count} selected
      </span>
      {count > 0 &&
        bulkActions.map(([kind, label]) => (
          <button key={kind} type="button" className={secondaryButtonClass} onClick={() => onAct(kind)}>
            {label} {count}
          </button>
        ))}
      {count > 0 && <BulkQuickActions selection={selection} onDone={onDone} />}
      {selectAll}
      {count > 0 && (
        <button type="button" className={`ml-auto ${linkButton}`} onClick={onClear}>
          Clear selection
        </button>
      )}
    </div>
  );
}
