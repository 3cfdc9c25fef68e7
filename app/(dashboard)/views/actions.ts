"use server";

import { commandAction } from "@/lib/actions/command-action";
import { deleteView } from "@/lib/views/delete-view";
import { viewIdInputSchema } from "@/lib/views/own-views";
import { saveView, saveViewInputSchema } from "@/lib/views/save-view";
import { clearDefaultView, setDefaultView } from "@/lib/views/set-default-view";

// Views are listed wherever the queue is, and the default decides where it opens.
const everywhere = { path: "/", type: "layout" } as const;

export const saveViewAction = commandAction("saveView", saveViewInputSchema, saveView, everywhere);
export const deleteViewAction = commandAction("deleteView", viewIdInputSchema, deleteView, everywhere);
export const setDefaultViewAction = commandAction("setDefaultView", viewIdInputSchema, setDefaultView, everywhere);
export const clearDefaultViewAction = commandAction(
  "clearDefaultView",
  viewIdInputSchema,
  clearDefaultView,
  everywhere,
);
