import { toFieldValue } from "./json-display";
import type { DetailField } from "./variance-type-definition";

/**
 * One plain-words label per upstream `details` key, shared by every type so the same key
 * reads the same on every variance page (`tl_org` and `tl_org_name` mean the same thing).
 */
const DETAIL_LABELS = {
  hostname_base: "Matching key",
  tl_canonical_key: "Matching key",
  ninja_hostname: "Ninja hostname",
  tl_hostname: "ThreatLocker hostname",
  original_stored_hostname: "Hostname as ThreatLocker stored it",
  data_quality_issue: "Hostname stored with a user name",
  ninja_display_name: "Ninja display name",
  tl_display_name: "ThreatLocker display name",
  ninja_org_name: "Ninja organization",
  ninja_org: "Ninja organization",
  tl_org_name: "ThreatLocker organization",
  tl_org: "ThreatLocker organization",
  ninja_site: "Ninja site",
  tl_site: "ThreatLocker site",
  ninja_billing_status: "Ninja billing status",
  count: "ThreatLocker computers",
  duplicate_hostnames: "ThreatLocker hostnames",
  organizations: "ThreatLocker organizations",
} as const;

type LabelledKey = keyof typeof DETAIL_LABELS;

/** The given keys of `details`, in order, with their shared labels; values bounded like any field. */
export function labelledFields<D extends object>(details: D, keys: readonly (keyof D & LabelledKey)[]): DetailField[] {
  return keys.map((key) => ({ label: DETAIL_LABELS[key], value: toFieldValue(details[key]) }));
}
