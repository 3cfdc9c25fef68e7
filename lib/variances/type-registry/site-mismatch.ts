import { z } from "zod";
import { labelledFields } from "./detail-labels";
import { inParentheses, quotedOrNone, vendorComparison } from "./display-text";
import { organizationOf } from "./organization";
import type { VarianceTypeDefinition } from "./variance-type-definition";

// This type names its organisation keys tl_org/ninja_org, unlike the others (§5).
const siteMismatchDetailsSchema = z.looseObject({
  hostname_base: z.string(),
  tl_hostname: z.string(),
  ninja_hostname: z.string(),
  tl_site: z.string().nullable(),
  ninja_site: z.string().nullable(),
  tl_org: z.string().nullable(),
  ninja_org: z.string().nullable(),
});

export type SiteMismatchDetails = z.infer<typeof siteMismatchDetailsSchema>;

/** Where one vendor files the device: `'Main Office' (Example Client)`. */
const placement = (site: string | null, organization: string | null) =>
  `${quotedOrNone(site, "no site")}${inParentheses(organization)}`;

export const siteMismatch: VarianceTypeDefinition<SiteMismatchDetails> = {
  type: "SITE_MISMATCH",
  label: "Site mismatch",
  description: "Ninja and ThreatLocker disagree on the device's site.",
  recommendedAction: "Reconcile site assignments.",
  detailsSchema: siteMismatchDetailsSchema,
  // Organisations are part of the placement: ThreatLocker records no site, only the client.
  summary: (details) =>
    vendorComparison(placement(details.ninja_site, details.ninja_org), placement(details.tl_site, details.tl_org)),
  organization: organizationOf,
  fields: (details) =>
    labelledFields(details, [
      "ninja_hostname",
      "tl_hostname",
      "ninja_site",
      "tl_site",
      "ninja_org",
      "tl_org",
      "hostname_base",
    ]),
};
