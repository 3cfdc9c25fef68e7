import { z } from "zod";
import { labelledFields } from "./detail-labels";
import { inParentheses } from "./display-text";
import { organizationOf } from "./organization";
import type { VarianceTypeDefinition } from "./variance-type-definition";

const spareMismatchDetailsSchema = z.looseObject({
  hostname_base: z.string(),
  tl_hostname: z.string(),
  ninja_hostname: z.string(),
  ninja_billing_status: z.string().nullable(),
  tl_site: z.string().nullable(),
  ninja_site: z.string().nullable(),
  tl_org_name: z.string().nullable(),
  ninja_org_name: z.string().nullable(),
  note: z.string(),
});

export type SpareMismatchDetails = z.infer<typeof spareMismatchDetailsSchema>;

export const spareMismatch: VarianceTypeDefinition<SpareMismatchDetails> = {
  type: "SPARE_MISMATCH",
  label: "Spare still licensed",
  description: "Ninja bills the device as spare, yet it still holds a ThreatLocker license.",
  recommendedAction: "Remove ThreatLocker from the spare device, or fix its billing status.",
  detailsSchema: spareMismatchDetailsSchema,
  // Ninja also calls a device spare by its name or location (§4), whatever its billing status says;
  // "billed" would then send the technician to the wrong place to fix it.
  summary: (details) =>
    `${details.ninja_billing_status?.toLowerCase() === "spare" ? "Billed" : "Marked"} as spare in Ninja${inParentheses(details.ninja_org_name)} but licensed in ThreatLocker`,
  organization: organizationOf,
  // tl_site is always null (ThreatLocker has no sites); `note` is the same sentence on every row.
  fields: (details) =>
    labelledFields(details, [
      "ninja_hostname",
      "tl_hostname",
      "ninja_billing_status",
      "ninja_site",
      "ninja_org_name",
      "tl_org_name",
    ]),
};
