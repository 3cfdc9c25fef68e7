"use client";

import type { VarianceId } from "@/lib/variances/variance-key";

/**
 * What the queue remembers per filtered list for the browser tab (sessionStorage): the row the
 * person was on and what they had selected, so coming back from a variance page lands where
 * they left. Keyed by the list's filters, the query without its page.
 */
interface QueueMemory {
  focused: string | null;
  selected: [string, VarianceId][];
}

const storageKey = (query: string) => `vd.queue:${query}`;

export function recallQueue(query: string): QueueMemory {
  try {
    const stored = JSON.parse(sessionStorage.getItem(storageKey(query)) ?? "null") as QueueMemory | null;
    return { focused: stored?.focused ?? null, selected: Array.isArray(stored?.selected) ? stored.selected : [] };
  } catch {
    // Unreadable (private mode, a hand-edited value): start afresh.
    return { focused: null, selected: [] };
  }
}

export function rememberQueue(query: string, change: Partial<QueueMemory>) {
  try {
    sessionStorage.setItem(storageKey(query), JSON.stringify({ ...recallQueue(query), ...change }));
  } catch {
    // Storage full or blocked: the queue still works, it just forgets.
  }
}
