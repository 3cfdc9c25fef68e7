"use client";

import { secondaryButtonClass } from "@/components/ui/form-styles";
import type { TriageDialogKind } from "./triage-dialog-body";

const bulkActions: [Exclude<TriageDialogKind, "note">, string][] = [
  ["resolve", "Resolve"],
  ["assign", "Assign"],
  ["snooze", "Snooze"],
];

export function BulkBar({ count, onAct, onClear }: { count: number; onAct: (kind: TriageDialogKind) => void; onClear: () => void }) {
  if (count === 0) return null;
  return (
    <div role="toolbar" aria-label="Bulk actions" className="flex flex-wrap items-center gap-2 rounded-lg border border-blue-200 bg-blue-50 px-3 py-2 text-sm dark:border-blue-900 dark:bg-blue-950">
      <span className="font-medium" data-testid="selection-count">{count} selected</span>
      {bulkActions.map(([kind, label]) => (
        <button key={kind} type="button" className={secondaryButtonClass} onClick={() => onAct(kind)}>
          {label} {count}
        </button>
      ))}
      <button type="button" className="ml-auto text-sm text-blue-800 hover:underline dark:text-blue-200" onClick={onClear}>
        Clear selection
      </button>
    </div>
  );
}
