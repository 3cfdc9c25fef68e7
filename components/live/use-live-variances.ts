"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { VarianceChange } from "@/lib/live/variance-change";
import { varianceSubjectId } from "@/lib/variances/variance-key";

/** A change as this page heard it, and when. */
export interface SeenChange extends VarianceChange {
  seenAt: number;
}

const EVENTS_URL = "/api/variances/events";
/** How long a row keeps its "Resolved by …" mark. */
export const MARK_MS = 10_000;
// Changes coming in a burst (a bulk resolve) are one refresh of the page's data.
const REFRESH_COALESCE_MS = 250;
// Enough for any page of the queue; older entries are dropped first.
const REMEMBERED_CHANGES = 500;
// After the browser gave up on the stream (a 429, a 503 while a server stops), try again this late…
const REOPEN_AFTER_MS = 15_000;
// …this many times in a row at most: a signed-out page (401) stops asking.
const MAX_REOPENS = 4;

/**
 * Listens to colleagues' changes while a queue or variance page is open: each one refreshes
 * the page's server data (coalesced) and is remembered by variance, for marks and for dialogs
 * opened before it. The browser's EventSource reconnects by itself (with Last-Event-ID, so
 * the server replays what was missed); a stream it gives up on is reopened later, one the
 * server ended (the session ended) is not.
 */
export function useLiveVariances(selfId: string): ReadonlyMap<string, SeenChange> {
  const router = useRouter();
  const [changes, setChanges] = useState<ReadonlyMap<string, SeenChange>>(new Map());
  const refreshTimer = useRef<number | null>(null);

  useEffect(() => {
    let source: EventSource | null = null;
    let reopenTimer: number | undefined;
    let reopens = 0;
    const refresh = () => {
      if (refreshTimer.current !== null) return;
      refreshTimer.current = window.setTimeout(() => {
        refreshTimer.current = null;
        router.refresh();
      }, REFRESH_COALESCE_MS);
    };
    const remember = (change: VarianceChange) =>
      setChanges((current) => {
        const next = new Map(current);
        const id = varianceSubjectId(change);
        next.delete(id);
        next.set(id, { ...change, seenAt: Date.now() });
        for (const oldest of next.keys()) {
          if (next.size <= REMEMBERED_CHANGES) break;
          next.delete(oldest);
        }
        return next;
      });
    const open = () => {
      source = new EventSource(EVENTS_URL);
      source.addEventListener("open", () => {
        reopens = 0;
      });
      source.addEventListener("variance", (event) => {
        const change = JSON.parse((event as MessageEvent<string>).data) as VarianceChange;
        remember(change);
        // The person's own change refreshed the tab it was made in, through its action (their
        // other tabs catch up at their next navigation): no second render of the whole queue.
        if (change.actorId !== selfId) refresh();
      });
      source.addEventListener("report", refresh);
      source.addEventListener("resync", refresh);
      source.addEventListener("end", () => source?.close());
      source.addEventListener("error", () => {
        if (source?.readyState === EventSource.CLOSED && reopens++ < MAX_REOPENS)
          reopenTimer = window.setTimeout(open, REOPEN_AFTER_MS);
      });
    };
    open();
    return () => {
      source?.close();
      window.clearTimeout(reopenTimer);
      if (refreshTimer.current !== null) window.clearTimeout(refreshTimer.current);
      refreshTimer.current = null;
    };
  }, [router, selfId]);

  return changes;
}
