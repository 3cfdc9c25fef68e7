"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";

interface ModalDialogProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
}

/**
 * A native modal <dialog>: the browser makes the rest of the page inert (focus stays inside),
 * Esc closes it, and focus returns to where it was when it closes. Focus starts in its first
 * form control.
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
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      className="w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-gray-200 bg-white p-0 text-gray-900 shadow-xl backdrop:bg-black/40 dark:border-gray-800 dark:bg-gray-900 dark:text-gray-100"
    >
      <div className="flex items-center justify-between border-b border-gray-200 px-4 py-3 dark:border-gray-800">
        <h2 id={titleId} className="font-semibold wrap-anywhere">
          {title}
        </h2>
        <button type="button" onClick={onClose} className="rounded px-2 text-xl leading-none text-gray-600 hover:bg-gray-100 dark:text-gray-300 dark:hover:bg-gray-800" aria-label="Close">
          ×
        </button>
      </div>
      <div className="p-4">{open && children}</div>
    </dialog>
  );
}
