import { readEnvironment } from "@/lib/config/environment";
import { organizationMatchKey } from "./organization-name";

/** Comma-separated names of the MSP's own organisations, which managers may leave out of the list. */
export const INTERNAL_ORGANIZATIONS_ENV = "VD_INTERNAL_ORGANIZATIONS";

/**
 * The normalised names of the internal organisations. Names are compared in normalised
 * form, so "Enterprise Solutions" also covers "Enterprise Solutions, LLC" (and a legal
 * suffix, which would need a comma, can simply be left out of the list).
 */
export function internalOrganizationKeys(
  value: string | undefined = readEnvironment().VD_INTERNAL_ORGANIZATIONS,
): Set<string> {
  return new Set(
    (value ?? "")
      .split(",")
      .map((name) => organizationMatchKey(name))
      .filter(Boolean),
  );
}
