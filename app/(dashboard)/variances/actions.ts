"use server";

import { commandAction } from "@/lib/actions/command-action";
import { addNoteInputSchema, addVarianceNote } from "@/lib/variances/commands/add-variance-note";
import {
  assignInputSchema,
  assignToMeInputSchema,
  assignVariance,
  assignVarianceToMe,
} from "@/lib/variances/commands/assign-variance";
import { bulkAssignInputSchema, bulkAssignVariances } from "@/lib/variances/commands/bulk-assign-variances";
import { bulkReopenInputSchema, bulkReopenVariances } from "@/lib/variances/commands/bulk-reopen-variances";
import { bulkResolveInputSchema, bulkResolveVariances } from "@/lib/variances/commands/bulk-resolve-variances";
import { bulkSnoozeInputSchema, bulkSnoozeVariances } from "@/lib/variances/commands/bulk-snooze-variances";
import { bulkUnassignInputSchema, bulkUnassignVariances } from "@/lib/variances/commands/bulk-unassign-variances";
import { bulkUnsnoozeInputSchema, bulkUnsnoozeVariances } from "@/lib/variances/commands/bulk-unsnooze-variances";
import { reopenInputSchema, reopenVariance } from "@/lib/variances/commands/reopen-variance";
import { resolveInputSchema, resolveVariance } from "@/lib/variances/commands/resolve-variance";
import { snoozeInputSchema, snoozeVariance } from "@/lib/variances/commands/snooze-variance";
import { undoTriage, undoTriageInputSchema } from "@/lib/variances/commands/undo-triage";
import { matchingVariances, queueQueryInputSchema } from "@/lib/variances/matching-variances";

// The queue and every variance page show triage state.
const variancePages = { path: "/variances", type: "layout" } as const;

export const resolveVarianceAction = commandAction(
  "resolveVariance",
  resolveInputSchema,
  resolveVariance,
  variancePages,
);
export const reopenVarianceAction = commandAction("reopenVariance", reopenInputSchema, reopenVariance, variancePages);
export const assignVarianceAction = commandAction("assignVariance", assignInputSchema, assignVariance, variancePages);
export const assignVarianceToMeAction = commandAction(
  "assignVarianceToMe",
  assignToMeInputSchema,
  assignVarianceToMe,
  variancePages,
);
export const addVarianceNoteAction = commandAction(
  "addVarianceNote",
  addNoteInputSchema,
  addVarianceNote,
  variancePages,
);
export const snoozeVarianceAction = commandAction("snoozeVariance", snoozeInputSchema, snoozeVariance, variancePages);
export const bulkResolveVariancesAction = commandAction(
  "bulkResolveVariances",
  bulkResolveInputSchema,
  bulkResolveVariances,
  variancePages,
);
export const bulkAssignVariancesAction = commandAction(
  "bulkAssignVariances",
  bulkAssignInputSchema,
  bulkAssignVariances,
  variancePages,
);
export const bulkSnoozeVariancesAction = commandAction(
  "bulkSnoozeVariances",
  bulkSnoozeInputSchema,
  bulkSnoozeVariances,
  variancePages,
);
export const bulkReopenVariancesAction = commandAction(
  "bulkReopenVariances",
  bulkReopenInputSchema,
  bulkReopenVariances,
  variancePages,
);
export const bulkUnassignVariancesAction = commandAction(
  "bulkUnassignVariances",
  bulkUnassignInputSchema,
  bulkUnassignVariances,
  variancePages,
);
export const bulkUnsnoozeVariancesAction = commandAction(
  "bulkUnsnoozeVariances",
  bulkUnsnoozeInputSchema,
  bulkUnsnoozeVariances,
  variancePages,
);
export const undoTriageAction = commandAction("undoTriage", undoTriageInputSchema, undoTriage, variancePages);
export const matchingVariancesAction = commandAction("matchingVariances", queueQueryInputSchema, matchingVariances);
