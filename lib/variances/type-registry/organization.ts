import { UNKNOWN_ORGANIZATION } from "@/lib/inventory/unknown-organization";
import { inlineText } from "./display-text";
import { isJsonObject } from "./json-display";

/**
 * Reference §5's rule for a row's organisation. It reads whatever keys exist, so it also
 * serves rows whose details do not match their schema, and types the registry does not know.
 * SITE_MISMATCH names its keys `tl_org`/`ninja_org`, hence the last two.
 */
const ORGANIZATION_KEYS = ["tl_org_name", "ninja_org_name", "tl_org", "ninja_org"] as const;

/** The first organisation key holding a name; an empty name counts as none. */
export function organizationOf(details: unknown): string | null {
  if (!isJsonObject(details)) return null;
  for (const key of ORGANIZATION_KEYS) {
    const name = details[key];
    if (typeof name === "string" && name.trim() !== "") return name;
  }
  return null;
}

/** Real client names are far shorter; this only stops a hostile value from swamping the row. */
const ORGANIZATION_LABEL_LIMIT = 120;

/** The organisation as a queue row shows it: one line, and "Unknown" rather than blank. */
export function organizationLabel(name: string | null): string {
  return name === null ? UNKNOWN_ORGANIZATION : inlineText(name, ORGANIZATION_LABEL_LIMIT);
}
