"use client";

import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef } from "react";

interface ModalDialogProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
}

/**
 * A native modal <dialog>: the browser makes the rest of the page inert (focus stays inside),
 * Esc closes it, and focus returns to where it was when it closes. Focus starts in its first
 * form control, and Ctrl/Cmd+Enter submits its form from any field.
 */
export function ModalDialog({ open, title, onClose, children }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // showModal focuses the first focusable element (the close button); start in the form instead.
      dialog.querySelector<HTMLElement>("textarea, input, select")?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  const submitOnModEnter = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey)) return;
    const form = (event.target as HTMLElement).closest("form") ?? event.currentTarget.querySelector("form");
    if (!form) return;
    event.preventDefault();
    form.requestSubmit();
  };
  return (
    // Tailwind's reset zeroes every margin, which pins a modal <dialog> to the top-left corner:
    // m-auto restores the browser's centring in the top layer.
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      onKeyDown={submitOnModEnter}
      className="m-auto max-h-[calc(100dvh-2rem)] w-[min(32rem,calc(100vw-2rem))] overflow-y-auto rounded-lg border border-gray-200 bg-white p-0 text-gray-900 shadow-xl backdrop:bg-black/40 dark:border-gray-800 dark:bg-gray-900 dark:text-gray-100"
    >
      <div className="flex items-center justify-between border-b border-gray-200 px-4 py-3 dark:border-gray-800">
        <h2 id={titleId} className="min-w-0 font-semibold wrap-anywhere">
          {title}
        </h2>
        <button
          type="button"
          onClick={onClose}
          className="rounded px-2 text-xl leading-none text-gray-600 hover:bg-gray-100 dark:text-gray-300 dark:hover:bg-gray-800"
          aria-label="Close"
        >
          ×
        </button>
      </div>
      <div className="p-4">{open && children}</div>
    </dialog>
  );
}
