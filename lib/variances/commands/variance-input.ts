import { z } from "zod";
import { requiredOr, text } from "@/lib/commands/command-input";
import { BULK_LIMIT } from "../triage-limits";

export const varianceIdShape = {
  type: text("the variance type", 64).min(1, "Give the variance type."),
  key: text("the variance key", 255).min(1, "Give the variance key."),
};

export const expectedVersionShape = {
  expectedVersion: z
    .number({ error: requiredOr("Give the version you saw as a whole number.") })
    .int("Give the version you saw as a whole number.")
    .min(0, "Versions start at 0."),
};

export const bulkVariancesShape = {
  variances: z
    .array(z.strictObject(varianceIdShape), { error: requiredOr("Give the variances as a list of {type, key}.") })
    .min(1, "Select at least one variance.")
    .max(BULK_LIMIT, {
      error: (issue) =>
        `At most ${BULK_LIMIT.toLocaleString("en-US")} variances can be changed at once; ${(issue.input as unknown[]).length.toLocaleString("en-US")} were selected.`,
    }),
};
