"use client";

import { useCallback, useState } from "react";
import { useRouter } from "next/navigation";
import type { QueueRow } from "@/lib/variances/queue-row";
import type { UserSummary } from "@/lib/auth/user-directory";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { QueueTable } from "./queue-table";
import { BulkBar } from "./bulk-bar";
import { TriageDialogBody, type TriageDialogKind } from "./triage-dialog-body";
import { QUEUE_SHORTCUTS, useQueueKeyboard, type QueueKeyAction } from "./use-queue-keyboard";

export interface QueueWorkbenchProps {
  rows: QueueRow[];
  total: number;
  canTriage: boolean;
  users: UserSummary[];
}

type Dialog = { kind: TriageDialogKind; scope: "row" | "selection" } | { kind: "help" };

const dialogTitles: Record<TriageDialogKind, string> = { resolve: "Resolve", assign: "Assign", note: "Add a note", snooze: "Snooze" };

/** The queue with selection, bulk actions and keyboard triage; managers get the read-only table. */
export function QueueWorkbench({ rows, total, canTriage, users }: QueueWorkbenchProps) {
  const router = useRouter();
  const [focused, setFocused] = useState(0);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const idOf = (row: QueueRow) => `${row.type}/${row.key}`;

  const toggle = useCallback(
    (row: QueueRow) =>
      setSelected((current) => {
        const next = new Set(current);
        if (!next.delete(idOf(row))) next.add(idOf(row));
        return next;
      }),
    [],
  );

  const move = (index: number) => {
    const bounded = Math.max(0, Math.min(rows.length - 1, index));
    setFocused(bounded);
    // The table (wide screens) and the cards (phones) both render rows; focus the visible one.
    const visibleRows = [...document.querySelectorAll<HTMLElement>("[data-testid=variance-row]")].filter((row) => row.offsetParent !== null);
    visibleRows[bounded]?.focus();
  };

  const onKey = useCallback(
    (action: QueueKeyAction) => {
      const row = rows[focused];
      if (action === "help") return setDialog({ kind: "help" });
      if (!row) return;
      if (action === "down") return move(focused + 1);
      if (action === "up") return move(focused - 1);
      if (action === "open") return router.push(row.href);
      if (!canTriage) return;
      if (action === "select") return toggle(row);
      setDialog({ kind: action, scope: "row" });
    },
    [rows, focused, canTriage, router, toggle],
  );
  useQueueKeyboard(onKey);

  const selection = rows.filter((row) => selected.has(idOf(row)));
  const finish = (message: string) => {
    setDialog(null);
    setOutcome(message);
    setSelected(new Set());
    router.refresh();
  };

  return (
    <div className="space-y-3">
      {canTriage && (
        <BulkBar count={selection.length} onAct={(kind) => setDialog({ kind, scope: "selection" })} onClear={() => setSelected(new Set())} />
      )}
      <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300" data-testid="queue-outcome">
        {outcome}
      </p>
      <QueueTable
        rows={rows}
        focused={focused}
        selected={selected}
        selectable={canTriage}
        onToggle={toggle}
        onFocusRow={setFocused}
      />
      <p className="text-xs text-gray-600 dark:text-gray-400">
        {total > rows.length ? `Showing ${rows.length} of ${total}. ` : ""}Press <kbd className="rounded border px-1">?</kbd> for keyboard shortcuts.
      </p>
      <ModalDialog open={dialog?.kind === "help"} title="Keyboard shortcuts" onClose={() => setDialog(null)}>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          {QUEUE_SHORTCUTS.map(([keys, meaning]) => (
            <div key={keys} className="contents">
              <dt><kbd className="rounded border px-1">{keys}</kbd></dt>
              <dd>{meaning}</dd>
            </div>
          ))}
        </dl>
      </ModalDialog>
      {dialog && dialog.kind !== "help" && (
        <ModalDialog
          open
          title={dialog.scope === "selection" ? `${dialogTitles[dialog.kind]} ${selection.length} selected` : `${dialogTitles[dialog.kind]} ${rows[focused]?.hostname ?? ""}`}
          onClose={() => setDialog(null)}
        >
          <TriageDialogBody
            kind={dialog.kind}
            rows={dialog.scope === "selection" ? selection : rows[focused] ? [rows[focused]!] : []}
            bulk={dialog.scope === "selection"}
            users={users}
            onDone={finish}
          />
        </ModalDialog>
      )}
    </div>
  );
}
