"use server";

import { commandAction } from "@/lib/actions/command-action";
import { mergeOrganizations } from "@/lib/organizations/merge-organizations";
import { splitOrganization } from "@/lib/organizations/split-organization";

// The list and every organisation page show how names are grouped.
const organizationPages = { path: "/organizations", type: "layout" } as const;

export const mergeOrganizationsAction = commandAction(mergeOrganizations, organizationPages);
export const splitOrganizationAction = commandAction(splitOrganization, organizationPages);
