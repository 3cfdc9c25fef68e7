"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  addVarianceNoteAction,
  resolveVarianceAction,
  snoozeVarianceAction,
} from "@/app/(dashboard)/variances/actions";
import { ChangedWhileOpen } from "@/components/live/changed-while-open";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { NoteForm, ResolveForm, SnoozeForm } from "@/components/variances/triage-forms";
import type { TriageTarget } from "@/components/variances/triage-panel";
import { offerUndo } from "@/components/variances/undo-toast";
import { useCommand } from "@/components/variances/use-command";
import { isResolvedStatus } from "@/lib/variances/lifecycle";
import { type PaletteCommand, usePaletteCommands } from "./palette-commands";

type FormKind = "resolve" | "snooze" | "note";

const TITLES: Record<FormKind, string> = { resolve: "Resolve", snooze: "Snooze", note: "Add a note" };

interface VariancePaletteCommandsProps {
  target: TriageTarget;
  /** The triage panel's own handlers, so their progress and refusals show where they always do. */
  onReopen: () => void;
  onAssignToMe: () => void;
}

/**
 * Offers the variance page's triage commands in the palette — those its status allows, as the
 * triage panel shows them — and opens the ones that need a note or a reason as dialogs. Mounted
 * by the triage panel, which managers never get, so they are offered no commands.
 */
export function VariancePaletteCommands({ target, onReopen, onAssignToMe }: VariancePaletteCommandsProps) {
  // The form open, with the version seen when it opened: a colleague's change meanwhile makes it stale, not silently newer.
  const [form, setForm] = useState<{ kind: FormKind; version: number } | null>(null);
  const handlers = useRef({ onReopen, onAssignToMe });
  useEffect(() => {
    handlers.current = { onReopen, onAssignToMe };
  });
  const version = useRef(target.version);
  useEffect(() => {
    version.current = target.version;
  }, [target.version]);
  const openForm = useCallback((kind: FormKind) => setForm({ kind, version: version.current }), []);
  const resolved = isResolvedStatus(target.status);
  const open = target.status === "open";
  const commands = useMemo<PaletteCommand[]>(
    () => [
      resolved
        ? { id: "reopen", label: "Reopen", run: () => handlers.current.onReopen() }
        : { id: "resolve", label: "Resolve…", keywords: ["close", "fix"], run: () => openForm("resolve") },
      { id: "assign-to-me", label: "Assign to me", keywords: ["take"], run: () => handlers.current.onAssignToMe() },
      ...(open ? [{ id: "snooze", label: "Snooze…", keywords: ["later"], run: () => openForm("snooze") }] : []),
      { id: "note", label: "Add note…", keywords: ["comment"], run: () => openForm("note") },
    ],
    [resolved, open, openForm],
  );
  usePaletteCommands(commands);

  const variance = { type: target.type, key: target.key };
  const versioned = { ...variance, expectedVersion: form?.version ?? target.version };
  const resolve = useCommand(resolveVarianceAction);
  const snooze = useCommand(snoozeVarianceAction);
  const note = useCommand(addVarianceNoteAction);
  const done = () => setForm(null);
  const undoable =
    (message: string) =>
    ({ auditEventId }: { auditEventId: string }) => {
      done();
      offerUndo(message, [auditEventId]);
    };

  return (
    <ModalDialog open={form !== null} title={form ? TITLES[form.kind] : ""} onClose={done}>
      <ChangedWhileOpen variance={variance} />
      {form?.kind === "resolve" && (
        <ResolveForm
          onSubmit={(values) => resolve.run({ ...versioned, ...values }, undoable("Resolved."))}
          pending={resolve.pending}
          error={resolve.error}
        />
      )}
      {form?.kind === "snooze" && (
        <SnoozeForm
          onSubmit={(values) => snooze.run({ ...versioned, ...values }, undoable("Snoozed."))}
          pending={snooze.pending}
          error={snooze.error}
        />
      )}
      {form?.kind === "note" && (
        <NoteForm
          onSubmit={(values) => note.run({ ...variance, ...values }, done)}
          pending={note.pending}
          error={note.error}
        />
      )}
    </ModalDialog>
  );
}
