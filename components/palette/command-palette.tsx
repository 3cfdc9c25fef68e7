"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { ModalDialog } from "@/components/ui/modal-dialog";
import type { PalettePage } from "@/lib/search/palette-results";
import { PaletteBody } from "./palette-body";

/** Ctrl+K or Cmd+K, with no other modifier. */
const isPaletteShortcut = (event: KeyboardEvent) =>
  event.key.toLowerCase() === "k" && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;

/**
 * The header's "Search…" button and the palette it opens (also with Ctrl/Cmd+K anywhere in the
 * dashboard): a modal dialog, so focus stays inside, Esc closes it and focus returns to where it was.
 */
export function CommandPalette({ pages }: { pages: PalettePage[] }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  // The shortcut's listener is added once; it reads whether the palette is open from here.
  const openRef = useRef(open);
  useEffect(() => {
    openRef.current = open;
  }, [open]);
  // A command runs once the palette has closed, so a dialog it opens returns focus where the person was.
  const afterClose = useRef<(() => void) | null>(null);

  useEffect(() => {
    const toggle = (event: KeyboardEvent) => {
      if (!isPaletteShortcut(event)) return;
      // Never stacked on another dialog: that one keeps the keyboard.
      if (!openRef.current && document.querySelector("dialog[open]")) return;
      event.preventDefault();
      setOpen(!openRef.current);
    };
    window.addEventListener("keydown", toggle);
    return () => window.removeEventListener("keydown", toggle);
  }, []);

  const close = () => {
    setOpen(false);
    const next = afterClose.current;
    afterClose.current = null;
    next?.();
  };

  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-keyshortcuts="Control+K Meta+K"
        aria-haspopup="dialog"
        className="flex items-center gap-2 rounded-md border border-gray-300 px-2.5 py-1.5 text-gray-600 hover:bg-gray-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:border-gray-700 dark:text-gray-300 dark:hover:bg-gray-800"
      >
        <span>Search…</span>
        <kbd className="hidden rounded border border-gray-300 px-1 font-sans text-xs sm:inline dark:border-gray-600">
          Ctrl K
        </kbd>
      </button>
      <ModalDialog open={open} title="Search and commands" onClose={close}>
        <PaletteBody
          pages={pages}
          onOpen={(href) => {
            setOpen(false);
            router.push(href);
          }}
          onRun={(run) => {
            afterClose.current = run;
            setOpen(false);
          }}
        />
      </ModalDialog>
    </>
  );
}
