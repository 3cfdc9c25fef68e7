"use client";

import { useEffect } from "react";

export type QueueKeyAction =
  | "down"
  | "up"
  | "open"
  | "select"
  | "resolve"
  | "assign"
  | "note"
  | "snooze"
  | "search"
  | "help";

const queueKeys: Record<string, QueueKeyAction> = {
  j: "down",
  k: "up",
  o: "open",
  Enter: "open",
  x: "select",
  r: "resolve",
  a: "assign",
  n: "note",
  s: "snooze",
  "/": "search",
  "?": "help",
};

export const QUEUE_SHORTCUTS: [string, string][] = [
  ["j / k", "Move to the next / previous variance"],
  ["o or Enter", "Open the variance"],
  ["x", "Select or unselect it"],
  ["r", "Resolve (focuses the note)"],
  ["a", "Assign"],
  ["n", "Add a note"],
  ["s", "Snooze"],
  ["/", "Search hostnames"],
  ["?", "Show these shortcuts"],
];

const typingInto = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable ||
    ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName) ||
    !!target.closest("dialog[open]"));

/** Gmail-style single-key shortcuts, ignored while typing, in a dialog, or with a modifier held. */
export function useSingleKeyShortcuts<Action extends string>(
  keys: Readonly<Record<string, Action>>,
  onAction: (action: Action) => void,
) {
  useEffect(() => {
    const listener = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey || typingInto(event.target)) return;
      const action = keys[event.key];
      if (!action) return;
      // Enter on a link or button keeps its own meaning.
      if (event.key === "Enter" && event.target instanceof HTMLElement && event.target.closest("a, button")) return;
      event.preventDefault();
      onAction(action);
    };
    document.addEventListener("keydown", listener);
    return () => document.removeEventListener("keydown", listener);
  }, [keys, onAction]);
}

export const useQueueKeyboard = (onAction: (action: QueueKeyAction) => void) =>
  useSingleKeyShortcuts(queueKeys, onAction);
