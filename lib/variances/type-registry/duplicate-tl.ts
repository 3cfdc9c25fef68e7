import { z } from "zod";
import { labelledFields } from "./detail-labels";
import { inlineText } from "./display-text";
import { organizationOf } from "./organization";
import type { VarianceTypeDefinition } from "./variance-type-definition";

const duplicateTlDetailsSchema = z.looseObject({
  hostname_base: z.string(),
  count: z.number().int(),
  duplicate_hostnames: z.array(z.string()),
  sites: z.array(z.string().nullable()),
  organizations: z.array(z.string()),
  tl_org_name: z.string().nullable(),
});

export type DuplicateTlDetails = z.infer<typeof duplicateTlDetailsSchema>;

export const duplicateTl: VarianceTypeDefinition<DuplicateTlDetails> = {
  type: "DUPLICATE_TL",
  label: "Duplicate in ThreatLocker",
  description: "Several ThreatLocker computers hold the same hostname.",
  recommendedAction: "Remove the duplicate ThreatLocker entries.",
  detailsSchema: duplicateTlDetailsSchema,
  // The row's hostname is the first duplicate with its case kept, as the technician will search for it.
  // Plain digits: summaries are built without a request (and exported), so they have no reader's locale.
  summary: (details, hostname) => `${details.count} ThreatLocker computers share ${inlineText(hostname)}`,
  organization: organizationOf,
  // `sites` is all nulls (ThreatLocker has no sites), and tl_org_name is the first of `organizations`.
  fields: (details) => labelledFields(details, ["hostname_base", "count", "duplicate_hostnames", "organizations"]),
};
