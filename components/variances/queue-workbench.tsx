"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import { matchingVariancesAction } from "@/app/(dashboard)/variances/actions";
import { ChangedWhileOpen } from "@/components/live/changed-while-open";
import { ModalDialog } from "@/components/ui/modal-dialog";
import type { UserSummary } from "@/lib/auth/user-directory";
import type { QueueRow } from "@/lib/variances/queue-row";
import { type VarianceId, varianceSubjectId } from "@/lib/variances/variance-key";
import { BulkBar } from "./bulk-bar";
import { CommandErrorMessage } from "./command-error";
import { QUEUE_SEARCH_ID } from "./queue-filter-bar";
import { recallQueue, rememberQueue } from "./queue-memory";
import { QueueTable } from "./queue-table";
import { TriageDialogBody, type TriageDialogKind, type TriageDialogTarget } from "./triage-dialog-body";
import { useCommand } from "./use-command";
import { QUEUE_SHORTCUTS, type QueueKeyAction, useQueueKeyboard } from "./use-shortcut-keys";

export interface QueueWorkbenchProps {
  rows: QueueRow[];
  total: number;
  /** The queue's filters as a URL query without the page: for "select all matching", and what the queue remembers per list. */
  query: string;
  canTriage: boolean;
  users: UserSummary[];
  /** The signed-in person: "Me" comes first when assigning. */
  meId: string;
  /** Shown instead of the table when no variance matches; the outcome of the last action stays above it. */
  empty: ReactNode;
}

/**
 * What a dialog acts on is fixed when it opens: a live refresh may move or drop the row under
 * it, and the command must still name the variance, and the version, the person saw.
 */
type Dialog = { kind: TriageDialogKind; target: TriageDialogTarget } | { kind: "help" };
type Selection = ReadonlyMap<string, VarianceId>;

const dialogTitles: Record<TriageDialogKind, string> = {
  resolve: "Resolve",
  assign: "Assign",
  note: "Add a note",
  snooze: "Snooze",
};

/** The queue with selection, bulk actions and keyboard triage; managers get the read-only table. */
export function QueueWorkbench({ rows, total, query, canTriage, users, meId, empty }: QueueWorkbenchProps) {
  const router = useRouter();
  const [focused, setFocused] = useState(0);
  const [selected, setSelected] = useState<Selection>(new Map());
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const matching = useCommand(matchingVariancesAction);
  // Shortcuts and selection work once hydrated; say so, for people's tools and for tests.
  const [ready, setReady] = useState(false);
  // Set by an action: once the list re-renders, focus goes back to the row (or the one now in its place).
  const returnFocus = useRef(false);

  const toggle = useCallback(
    (row: QueueRow) =>
      setSelected((current) => {
        const next = new Map(current);
        if (!next.delete(varianceSubjectId(row))) next.set(varianceSubjectId(row), { type: row.type, key: row.key });
        return next;
      }),
    [],
  );

  const move = useCallback(
    (index: number) => {
      const bounded = Math.max(0, Math.min(rows.length - 1, index));
      setFocused(bounded);
      // The table (wide screens) and the cards (phones) both render rows; focus the visible one.
      const visibleRows = [...document.querySelectorAll<HTMLElement>("[data-testid=variance-row]")].filter(
        (row) => row.offsetParent !== null,
      );
      visibleRows[bounded]?.focus({ preventScroll: true });
      visibleRows[bounded]?.scrollIntoView({ block: "nearest" });
    },
    [rows.length],
  );

  // Back from a variance page: the row the person was on, and their selection, as they left them.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per list (the workbench is keyed by its query).
  useEffect(() => {
    setReady(true);
    const memory = recallQueue(query);
    if (memory.selected.length > 0) setSelected(new Map(memory.selected));
    const index = rows.findIndex((row) => varianceSubjectId(row) === memory.focused);
    // Only when nothing else has focus: typing in the search box re-renders the list under it.
    if (index >= 0 && document.activeElement === document.body) move(index);
  }, []);
  useEffect(() => rememberQueue(query, { selected: [...selected] }), [query, selected]);
  useEffect(() => {
    const row = rows[focused];
    if (row) rememberQueue(query, { focused: varianceSubjectId(row) });
  }, [query, rows, focused]);
  useEffect(() => {
    if (!returnFocus.current || rows.length === 0) return;
    returnFocus.current = false;
    if (document.activeElement === document.body || !document.activeElement) move(focused);
  }, [rows, focused, move]);

  const onKey = useCallback(
    (action: QueueKeyAction) => {
      const row = rows[focused];
      if (action === "help") return setDialog({ kind: "help" });
      if (action === "search") return document.getElementById(QUEUE_SEARCH_ID)?.focus();
      if (!row) return;
      if (action === "down") return move(focused + 1);
      if (action === "up") return move(focused - 1);
      if (action === "open") return router.push(row.href);
      if (!canTriage) return;
      if (action === "select") return toggle(row);
      setDialog({ kind: action, target: { row } });
    },
    [rows, focused, canTriage, router, toggle, move],
  );
  useQueueKeyboard(onKey);

  const selectAllMatching = () =>
    matching.run(query, (variances) =>
      setSelected(new Map((variances as VarianceId[]).map((variance) => [varianceSubjectId(variance), variance]))),
    );

  const finish = (message: string) => {
    returnFocus.current = true;
    setDialog(null);
    setOutcome(message);
    setSelected(new Map());
  };
  const outcomeMessage = (
    <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300" data-testid="queue-outcome">
      {outcome}
    </p>
  );

  // A bulk action that leaves nothing matching re-renders the queue empty: its outcome must still show.
  if (rows.length === 0) {
    return (
      <div className="space-y-3" data-ready={ready || undefined}>
        {outcomeMessage}
        {empty}
      </div>
    );
  }

  return (
    <div className="space-y-3" data-ready={ready || undefined}>
      <CommandErrorMessage error={matching.error} />
      {outcomeMessage}
      <QueueTable
        rows={rows}
        focused={focused}
        selected={selected}
        selectable={canTriage}
        onToggle={toggle}
        onFocusRow={setFocused}
      />
      <p className="text-xs text-gray-600 dark:text-gray-400">
        {total > rows.length ? `Showing ${rows.length} of ${total}. ` : ""}Press{" "}
        <kbd className="rounded border px-1">?</kbd> for keyboard shortcuts.
      </p>
      {canTriage && (
        <BulkBar
          selection={[...selected.values()]}
          total={total}
          selectingAll={matching.pending}
          onSelectAll={selectAllMatching}
          onAct={(kind) => setDialog({ kind, target: { selection: [...selected.values()] } })}
          onClear={() => setSelected(new Map())}
          onDone={finish}
        />
      )}
      <ModalDialog open={dialog?.kind === "help"} title="Keyboard shortcuts" onClose={() => setDialog(null)}>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          {QUEUE_SHORTCUTS.map(([keys, meaning]) => (
            <div key={keys} className="contents">
              <dt>
                <kbd className="rounded border px-1">{keys}</kbd>
              </dt>
              <dd>{meaning}</dd>
            </div>
          ))}
        </dl>
      </ModalDialog>
      {dialog && dialog.kind !== "help" && (
        <ModalDialog
          open
          title={
            "selection" in dialog.target
              ? `${dialogTitles[dialog.kind]} ${dialog.target.selection.length} selected`
              : `${dialogTitles[dialog.kind]} ${dialog.target.row.hostname}`
          }
          onClose={() => setDialog(null)}
        >
          {"row" in dialog.target && <ChangedWhileOpen variance={dialog.target.row} />}
          <TriageDialogBody kind={dialog.kind} target={dialog.target} users={users} meId={meId} onDone={finish} />
        </ModalDialog>
      )}
    </div>
  );
}
