"use server";

import { commandAction } from "@/lib/actions/command-action";
import { mergeInputSchema, mergeOrganizations } from "@/lib/organizations/merge-organizations";
import { splitInputSchema, splitOrganization } from "@/lib/organizations/split-organization";

// The list and every organisation page show how names are grouped.
const organizationPages = { path: "/organizations", type: "layout" } as const;

export const mergeOrganizationsAction = commandAction(
  "mergeOrganizations",
  mergeInputSchema,
  mergeOrganizations,
  organizationPages,
);
export const splitOrganizationAction = commandAction(
  "splitOrganization",
  splitInputSchema,
  splitOrganization,
  organizationPages,
);
