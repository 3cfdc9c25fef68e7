import { z } from "zod";
import { labelledFields } from "./detail-labels";
import { inlineText, quoted } from "./display-text";
import { organizationOf } from "./organization";
import type { VarianceTypeDefinition } from "./variance-type-definition";

const missingNinjaDetailsSchema = z.looseObject({
  tl_hostname: z.string(),
  tl_canonical_key: z.string(),
  tl_site_name: z.string().nullable(),
  tl_org_name: z.string().nullable(),
  data_quality_issue: z.boolean(),
  original_stored_hostname: z.string().nullable(),
});

export type MissingNinjaDetails = z.infer<typeof missingNinjaDetailsSchema>;

export const missingNinja: VarianceTypeDefinition<MissingNinjaDetails> = {
  type: "MISSING_NINJA",
  label: "Missing in Ninja",
  description: "ThreatLocker protects a device that Ninja does not manage.",
  recommendedAction: "Add the device to Ninja or remove it from ThreatLocker.",
  detailsSchema: missingNinjaDetailsSchema,
  summary: (details) =>
    // A `HOST | user` hostname keys with a trailing space and so matches nothing (§4): the
    // device may well be in Ninja, and the technician needs to know that before adding it.
    details.data_quality_issue && details.original_stored_hostname !== null
      ? `ThreatLocker stored the hostname as ${quoted(details.original_stored_hostname)}, so it matches no Ninja device`
      : `In ThreatLocker, but no Ninja device is named ${inlineText(details.tl_hostname)}`,
  organization: organizationOf,
  // tl_canonical_key repeats tl_hostname (both are the key), and ThreatLocker has no sites.
  fields: (details) =>
    labelledFields(details, ["tl_hostname", "tl_org_name", "data_quality_issue", "original_stored_hostname"]),
};
