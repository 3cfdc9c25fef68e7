"use client";

import { useState } from "react";
import { ModalDialog } from "@/components/ui/modal-dialog";
import type { SavedView } from "@/lib/views/saved-view";
import { SaveViewForm } from "./save-view-form";
import { SavedViewControls } from "./saved-view-controls";

/** Saving the current filters and managing the views live in a dialog, so the tabs stay one line. */
export function ManageViews({ views, query }: { views: SavedView[]; query: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="whitespace-nowrap rounded-md px-2.5 py-1 text-sm text-blue-700 hover:bg-gray-100 dark:text-blue-300 dark:hover:bg-gray-800"
      >
        Save or manage views
      </button>
      <ModalDialog open={open} title="Saved views" onClose={() => setOpen(false)}>
        <div className="space-y-4">
          <SaveViewForm query={query} />
          {views.length > 0 && (
            <ul className="divide-y divide-gray-200 text-sm dark:divide-gray-800">
              {views.map((view) => (
                <li key={view.id} className="flex flex-wrap items-center gap-1 py-2">
                  <span className="mr-auto font-medium wrap-anywhere">
                    {view.name}
                    {view.isDefault && (
                      <span className="ml-1 text-xs font-normal text-blue-700 dark:text-blue-300">default</span>
                    )}
                  </span>
                  <SavedViewControls view={view} />
                </li>
              ))}
            </ul>
          )}
        </div>
      </ModalDialog>
    </>
  );
}
