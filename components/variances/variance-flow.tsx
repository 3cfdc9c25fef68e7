"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { resolveVarianceAction } from "@/app/(dashboard)/variances/actions";
import { ChangedWhileOpen } from "@/components/live/changed-while-open";
import { secondaryButtonClass } from "@/components/ui/form-styles";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { type VarianceId, varianceSubjectId } from "@/lib/variances/variance-key";
import { rememberQueue } from "./queue-memory";
import { ResolveForm } from "./triage-forms";
import { offerUndo } from "./undo-toast";
import { useCommand } from "./use-command";
import { useSingleKeyShortcuts } from "./use-shortcut-keys";

export interface VarianceFlowProps {
  variance: VarianceId;
  /** The queue's filters (no page) this variance was opened from. */
  listQuery: string;
  backHref: string;
  /** Where it stands in that queue; null when the queue no longer lists it. */
  place: { position: number; total: number; previousHref: string | null; nextHref: string | null } | null;
  /** Its version when the person may resolve it now; null otherwise. */
  resolvableVersion: number | null;
}

type FlowAction = "next" | "previous" | "back" | "resolveAndNext";

const flowKeys: Readonly<Record<string, FlowAction>> = {
  j: "next",
  k: "previous",
  Escape: "back",
  u: "back",
  r: "resolveAndNext",
};

const linkClass = "rounded px-1 text-blue-700 hover:underline dark:text-blue-300";

/**
 * The variance page as a step in the queue: back to the same filtered list, previous and next
 * within it (j/k), and "resolve and next" (r) so a technician works down the list without
 * going back each time.
 */
export function VarianceFlow({ variance, listQuery, backHref, place, resolvableVersion }: VarianceFlowProps) {
  const router = useRouter();
  // The version seen when the dialog opened: a colleague's change meanwhile makes the resolve stale, not silently newer.
  const [resolving, setResolving] = useState<number | null>(null);
  const resolve = useCommand(resolveVarianceAction);
  const afterResolve = place?.nextHref ?? backHref;

  // The queue, when the person goes back, lands on the variance they were last on.
  useEffect(() => rememberQueue(listQuery, { focused: varianceSubjectId(variance) }), [listQuery, variance]);

  const onKey = useCallback(
    (action: FlowAction) => {
      if (action === "back") return router.push(backHref);
      if (action === "resolveAndNext") return resolvableVersion !== null && setResolving(resolvableVersion);
      const href = action === "next" ? place?.nextHref : place?.previousHref;
      if (href) router.push(href);
    },
    [router, backHref, place, resolvableVersion],
  );
  useSingleKeyShortcuts(flowKeys, onKey);

  return (
    <>
      <nav aria-label="Queue" className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <Link href={backHref} className={linkClass} aria-keyshortcuts="Escape" data-testid="back-to-queue">
          ← Back to the queue
        </Link>
        {place && (
          <>
            <span className="text-gray-600 tabular-nums dark:text-gray-400" data-testid="queue-position">
              {place.position} of {place.total}
            </span>
            {place.previousHref && (
              <Link href={place.previousHref} rel="prev" aria-keyshortcuts="k" className={linkClass}>
                ↑ Previous <kbd className="text-xs opacity-70">k</kbd>
              </Link>
            )}
            {place.nextHref && (
              <Link href={place.nextHref} rel="next" aria-keyshortcuts="j" className={linkClass}>
                ↓ Next <kbd className="text-xs opacity-70">j</kbd>
              </Link>
            )}
          </>
        )}
        {resolvableVersion !== null && (
          <button
            type="button"
            className={`ml-auto ${secondaryButtonClass}`}
            aria-keyshortcuts="r"
            onClick={() => setResolving(resolvableVersion)}
          >
            Resolve and {place?.nextHref ? "next" : "back"} <kbd className="text-xs opacity-70">r</kbd>
          </button>
        )}
      </nav>
      <ModalDialog
        open={resolving !== null}
        title={place?.nextHref ? "Resolve and go to the next" : "Resolve and go back to the queue"}
        onClose={() => setResolving(null)}
      >
        <ChangedWhileOpen variance={variance} />
        {resolving !== null && (
          <ResolveForm
            submitLabel={place?.nextHref ? "Resolve and next" : "Resolve and back"}
            pending={resolve.pending}
            error={resolve.error}
            onSubmit={(values) =>
              resolve.run({ ...variance, expectedVersion: resolving, ...values }, ({ auditEventId }) => {
                setResolving(null);
                // The toast outlives the page: Undo stays offered on the next variance.
                offerUndo(`Resolved ${variance.key}.`, [auditEventId]);
                router.push(afterResolve);
              })
            }
          />
        )}
      </ModalDialog>
    </>
  );
}
