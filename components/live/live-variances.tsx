"use client";

import { createContext, type ReactNode, useContext, useEffect, useState } from "react";
import { describeChange } from "@/lib/live/variance-change";
import { type VarianceId, varianceSubjectId } from "@/lib/variances/variance-key";
import { MARK_MS, type SeenChange, useLiveVariances } from "./use-live-variances";

interface LiveContext {
  changes: ReadonlyMap<string, SeenChange>;
  /** The reader: their own changes refresh the page but are not marked as a colleague's. */
  selfId: string;
}

const Live = createContext<LiveContext>({ changes: new Map(), selfId: "" });

/**
 * Around the queue and the variance pages (app/(dashboard)/variances/layout.tsx): one event
 * stream for whichever of them is open, and one polite announcement of each colleague's change
 * for screen readers, so the marks themselves need not be live regions.
 */
export function LiveVariances({ selfId, children }: { selfId: string; children: ReactNode }) {
  const changes = useLiveVariances(selfId);
  const latest = [...changes.values()].filter((change) => change.actorId !== selfId).at(-1);
  return (
    <Live value={{ changes, selfId }}>
      {children}
      <p className="sr-only" aria-live="polite" data-testid="live-announcement">
        {latest ? `${describeChange(latest)}: ${latest.key}` : ""}
      </p>
    </Live>
  );
}

/** A colleague's change to `variance` heard since `since` (ms), or null. */
export function useColleagueChange(variance: VarianceId, since: number): SeenChange | null {
  const { changes, selfId } = useContext(Live);
  const change = changes.get(varianceSubjectId(variance));
  return change && change.actorId !== selfId && change.seenAt >= since ? change : null;
}

/** Whether `change` is still fresh enough to mark; re-renders once when it stops being. */
export function useFreshChange(change: SeenChange | null): boolean {
  const remaining = change ? change.seenAt + MARK_MS - Date.now() : 0;
  const [, expire] = useState(0);
  useEffect(() => {
    if (remaining <= 0) return;
    const timer = window.setTimeout(() => expire((count) => count + 1), remaining);
    return () => window.clearTimeout(timer);
  }, [remaining]);
  return remaining > 0;
}
