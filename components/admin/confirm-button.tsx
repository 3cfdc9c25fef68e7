"use client";

import { type ReactNode, useState } from "react";
import { primaryButtonClass, secondaryButtonClass } from "@/components/ui/form-styles";
import { ModalDialog } from "@/components/ui/modal-dialog";

interface ConfirmButtonProps {
  label: string;
  /** The accessible name when the visible label alone is ambiguous in a list. */
  ariaLabel: string;
  title: string;
  confirmLabel: string;
  pending: boolean;
  className: string;
  onConfirm: () => void;
  children: ReactNode;
}

/** A button that asks before a change that cannot simply be undone. */
export function ConfirmButton({
  label,
  ariaLabel,
  title,
  confirmLabel,
  pending,
  className,
  onConfirm,
  children,
}: ConfirmButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className={className}
        aria-label={ariaLabel}
        disabled={pending}
        onClick={() => setOpen(true)}
      >
        {label}
      </button>
      <ModalDialog open={open} title={title} onClose={() => setOpen(false)}>
        <div className="space-y-4 text-sm">
          {children}
          <div className="flex justify-end gap-2">
            <button type="button" className={secondaryButtonClass} onClick={() => setOpen(false)}>
              Cancel
            </button>
            <button
              type="button"
              className={primaryButtonClass}
              onClick={() => {
                setOpen(false);
                onConfirm();
              }}
            >
              {confirmLabel}
            </button>
          </div>
        </div>
      </ModalDialog>
    </>
  );
}
