"use client";

import { useEffect, useSyncExternalStore } from "react";

/** Something the palette can do on the page that offers it, e.g. "Resolve" on a variance page. */
export interface PaletteCommand {
  id: string;
  label: string;
  /** Other words it is found by. */
  keywords?: readonly string[];
  run: () => void;
}

/**
 * The commands of the page on screen. A small store rather than a context: the palette lives in
 * the header and the commands in the page, and a store needs no provider around both (the
 * dashboard layout stays as it is). Only the browser registers (in effects), so the server
 * always sees none.
 */
const NONE: readonly PaletteCommand[] = [];
let current: readonly PaletteCommand[] = NONE;
const listeners = new Set<() => void>();

function publish(commands: readonly PaletteCommand[]) {
  current = commands;
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Offers `commands` in the palette while the calling component is mounted; keep the array stable (useMemo). */
export function usePaletteCommands(commands: readonly PaletteCommand[]) {
  useEffect(() => {
    publish(commands);
    return () => {
      // A page that replaced them in the meantime keeps its own.
      if (current === commands) publish(NONE);
    };
  }, [commands]);
}

/** The commands offered now. */
export const useOfferedCommands = () =>
  useSyncExternalStore(
    subscribe,
    () => current,
    () => NONE,
  );
