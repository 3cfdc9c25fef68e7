"use client";

import { useEffect, useState } from "react";
import type { PaletteResults } from "@/lib/search/palette-results";

/** Long enough to skip the keystrokes of a word typed at speed, short enough to feel immediate. */
const DEBOUNCE_MS = 200;

export type PaletteSearch =
  | { state: "idle" }
  | { state: "loading" }
  | { state: "error"; message: string }
  | { state: "done"; results: PaletteResults };

async function errorMessageOf(response: Response): Promise<string> {
  if (response.status === 401) return "Your session has ended: sign in again.";
  const body = (await response.json().catch(() => null)) as { error?: unknown } | null;
  return typeof body?.error === "string" ? body.error : "The search failed. Try again in a moment.";
}

/** The server's results for `query`, fetched once typing pauses; an older answer never replaces a newer one. */
export function usePaletteSearch(query: string): PaletteSearch {
  const [search, setSearch] = useState<PaletteSearch>({ state: "idle" });
  const q = query.trim();
  useEffect(() => {
    if (!q) {
      setSearch({ state: "idle" });
      return;
    }
    setSearch({ state: "loading" });
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/search?${new URLSearchParams({ q })}`, { signal: controller.signal });
        if (!response.ok) return setSearch({ state: "error", message: await errorMessageOf(response) });
        setSearch({ state: "done", results: (await response.json()) as PaletteResults });
      } catch {
        if (!controller.signal.aborted)
          setSearch({ state: "error", message: "The server could not be reached. Check your connection." });
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q]);
  return search;
}
