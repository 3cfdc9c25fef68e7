"use client";

import { toast } from "sonner";
import { undoTriageAction } from "@/app/(dashboard)/variances/actions";
import type { BulkResult } from "@/lib/variances/commands/bulk-triage-pipeline";

/** How long a change's toast offers Undo; hovering or focusing the toast pauses it. */
export const UNDO_WINDOW_MS = 10_000;

/** How many skipped variances the undo's toast names; the rest are counted. */
const NAMED_SKIPS = 5;

/** "Undid 2." and, apart, what could not be undone: "host-a: changed by Dana Lee since". */
export function undoOutcome({ changed, skipped }: BulkResult): { title: string; details: string[] } {
  const title = `Undid ${changed}${skipped.length ? `; could not undo ${skipped.length}` : ""}.`;
  const details = skipped.slice(0, NAMED_SKIPS).map(({ key, reason }) => `${key}: ${reason}`);
  if (skipped.length > NAMED_SKIPS) details.push(`and ${skipped.length - NAMED_SKIPS} more`);
  return { title, details };
}

async function undo(eventIds: string[]) {
  const id = toast.loading("Undoing…");
  try {
    const result = await undoTriageAction({ eventIds });
    if (!result?.data) {
      toast.error(result?.serverError?.message ?? "Nothing was undone.", { id });
      return;
    }
    const { title, details } = undoOutcome(result.data);
    const description = details.length ? (
      <ul data-testid="undo-skipped">
        {details.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    ) : undefined;
    (details.length ? toast.warning : toast.success)(title, { id, description, duration: UNDO_WINDOW_MS });
  } catch {
    toast.error("The server could not be reached; nothing was undone. Check your connection and try again.", { id });
  }
}

/**
 * Shows a triage command's outcome with an Undo button for a while. Undo names the audit
 * events the command wrote; the server reads what to restore from them, never from here.
 */
export function offerUndo(message: string, auditEventIds: readonly string[]) {
  if (auditEventIds.length === 0) {
    toast.info(message);
    return;
  }
  toast.success(message, {
    duration: UNDO_WINDOW_MS,
    action: { label: "Undo", onClick: () => void undo([...auditEventIds]) },
  });
}
