"use client";

import {
  bulkReopenVariancesAction,
  bulkUnassignVariancesAction,
  bulkUnsnoozeVariancesAction,
} from "@/app/(dashboard)/variances/actions";
import { secondaryButtonClass } from "@/components/ui/form-styles";
import type { VarianceId } from "@/lib/variances/variance-key";
import { CommandErrorMessage } from "./command-error";
import { bulkMessage } from "./triage-dialog-body";
import { offerUndo } from "./undo-toast";
import { useCommand } from "./use-command";

interface BulkQuickActionsProps {
  selection: VarianceId[];
  onDone: (message: string) => void;
}

/**
 * The bulk actions that take nothing but the selection, so run at once, without a dialog: each
 * takes something away, and its toast offers Undo. Labelled without the count, which the bar
 * shows: "Unsnooze 3" would also answer to a search for the button "Snooze 3".
 */
export function BulkQuickActions({ selection, onDone }: BulkQuickActionsProps) {
  const actions = [
    { label: "Reopen", verb: "Reopened", command: useCommand(bulkReopenVariancesAction) },
    { label: "Unassign", verb: "Unassigned", command: useCommand(bulkUnassignVariancesAction) },
    { label: "Unsnooze", verb: "Unsnoozed", command: useCommand(bulkUnsnoozeVariancesAction) },
  ];
  const pending = actions.some(({ command }) => command.pending);
  return (
    <>
      {actions.map(({ label, verb, command }) => (
        <button
          key={label}
          type="button"
          className={secondaryButtonClass}
          disabled={pending}
          onClick={() =>
            command.run({ variances: selection }, (result) => {
              const message = bulkMessage(verb, result);
              onDone(message);
              offerUndo(message, result.auditEventIds);
            })
          }
        >
          {label}
        </button>
      ))}
      <CommandErrorMessage error={actions.find(({ command }) => command.error)?.command.error ?? null} />
    </>
  );
}
