"use server";

import { commandAction } from "@/lib/actions/command-action";
import { addVarianceNote } from "@/lib/variances/commands/add-variance-note";
import { assignVariance, assignVarianceToMe } from "@/lib/variances/commands/assign-variance";
import { bulkAssignVariances } from "@/lib/variances/commands/bulk-assign-variances";
import { bulkResolveVariances } from "@/lib/variances/commands/bulk-resolve-variances";
import { bulkSnoozeVariances } from "@/lib/variances/commands/bulk-snooze-variances";
import { reopenVariance } from "@/lib/variances/commands/reopen-variance";
import { resolveVariance } from "@/lib/variances/commands/resolve-variance";
import { snoozeVariance } from "@/lib/variances/commands/snooze-variance";
import { matchingVariances } from "@/lib/variances/matching-variances";

// The queue and every variance page show triage state.
const variancePages = { path: "/variances", type: "layout" } as const;

export const resolveVarianceAction = commandAction(resolveVariance, variancePages);
export const reopenVarianceAction = commandAction(reopenVariance, variancePages);
export const assignVarianceAction = commandAction(assignVariance, variancePages);
export const assignVarianceToMeAction = commandAction(assignVarianceToMe, variancePages);
export const addVarianceNoteAction = commandAction(addVarianceNote, variancePages);
export const snoozeVarianceAction = commandAction(snoozeVariance, variancePages);
export const bulkResolveVariancesAction = commandAction(bulkResolveVariances, variancePages);
export const bulkAssignVariancesAction = commandAction(bulkAssignVariances, variancePages);
export const bulkSnoozeVariancesAction = commandAction(bulkSnoozeVariances, variancePages);
export const matchingVariancesAction = commandAction(matchingVariances);
