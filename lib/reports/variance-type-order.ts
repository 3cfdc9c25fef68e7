import { KNOWN_VARIANCE_TYPES } from "@/lib/variances/type-registry/registry";

/** Orders types as the registry lists them (the upstream check order), unknown types last by name. */
export function compareVarianceTypes(a: string, b: string): number {
  const rank = (type: string) =>
    KNOWN_VARIANCE_TYPES.includes(type) ? KNOWN_VARIANCE_TYPES.indexOf(type) : KNOWN_VARIANCE_TYPES.length;
  return rank(a) - rank(b) || a.localeCompare(b);
}
