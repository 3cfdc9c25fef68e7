import { z } from "zod";
import { labelledFields } from "./detail-labels";
import { quotedOrNone, vendorComparison } from "./display-text";
import { organizationOf } from "./organization";
import type { VarianceTypeDefinition } from "./variance-type-definition";

const displayNameMismatchDetailsSchema = z.looseObject({
  tl_hostname: z.string(),
  ninja_hostname: z.string(),
  tl_display_name: z.string().nullable(),
  ninja_display_name: z.string().nullable(),
  tl_org_name: z.string().nullable(),
  ninja_org_name: z.string().nullable(),
  hostname_base: z.string(),
  note: z.string(),
});

export type DisplayNameMismatchDetails = z.infer<typeof displayNameMismatchDetailsSchema>;

const NO_DISPLAY_NAME = "no display name";

export const displayNameMismatch: VarianceTypeDefinition<DisplayNameMismatchDetails> = {
  type: "DISPLAY_NAME_MISMATCH",
  label: "Display name mismatch",
  description: "Both vendors have the device under different display names.",
  recommendedAction: "Reconcile the names.",
  detailsSchema: displayNameMismatchDetailsSchema,
  summary: (details) =>
    vendorComparison(
      quotedOrNone(details.ninja_display_name, NO_DISPLAY_NAME),
      quotedOrNone(details.tl_display_name, NO_DISPLAY_NAME),
    ),
  organization: organizationOf,
  // `note` is the same sentence on every row.
  fields: (details) =>
    labelledFields(details, [
      "ninja_display_name",
      "tl_display_name",
      "ninja_hostname",
      "tl_hostname",
      "ninja_org_name",
      "tl_org_name",
    ]),
};
