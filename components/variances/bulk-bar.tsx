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

export function BulkBar({ selection, total, selectingAll, onSelectAll, onAct, onClear, onDone }: BulkBarProps) {
  if (total === 0) return null;
  const count = selection.length;
  return (
    <div
      role="toolbar"
      aria-label="Bulk actions"
      className="flex flex-wrap items-center gap-2 rounded-lg border border-blue-200 bg-blue-50 px-3 py-2 text-sm dark:border-blue-900 dark:bg-blue-950"
    >
      <span className="font-medium" data-testid="selection-count">
        {count} selected
      </span>
      {count > 0 &&
        bulkActions.map(([kind, label]) => (
          <button key={kind} type="button" className={secondaryButtonClass} onClick={() => onAct(kind)}>
            {label} {count}
          </button>
        ))}
      {count > 0 && <BulkQuickActions selection={selection} onDone={onDone} />}
      {count < total && (
        <button type="button" className={linkButton} disabled={selectingAll} onClick={onSelectAll}>
          Select all {total} matching this filter
        </button>
      )}
      {count > 0 && (
        <button type="button" className={`ml-auto ${linkButton}`} onClick={onClear}>
          Clear selection
        </button>
      )}
    </div>
  );
}
