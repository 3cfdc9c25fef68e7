import { clipText, FIELD_TEXT_LIMIT, inlineText, truncateFieldText } from "./display-text";
import type { DetailField } from "./variance-type-definition";

/**
 * Turning any JSON value into readable text, for `details` the registry cannot read with a
 * schema (an unknown type, or a known type whose shape changed). Bounded everywhere, because
 * the input is whatever the upstream job wrote.
 */

/** Past this depth nested values show as `{…}` / `[…]`. */
const MAX_DEPTH = 4;
/** A list field shows this many items, then how many more there are. */
const MAX_LIST_ITEMS = 50;
/** The generic rendering shows this many keys, then how many more there are. */
const MAX_RAW_FIELDS = 50;
/** Keys are labels: a long one is still cut to fit. */
const LABEL_LIMIT = 60;
/** The unknown-type summary shows this many key=value pairs, each value about this long at most. */
const SUMMARY_PAIRS = 3;
const SUMMARY_VALUE_LIMIT = 40;

export type JsonObject = Record<string, unknown>;

export const isJsonObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Any value as one readable string of about `limit` characters: objects as `{key: value}`,
 * arrays as `[a, b]`, nested strings quoted so their boundaries show. Rendering stops as soon
 * as the limit is reached, so a huge or deeply nested value costs no more than a small one.
 */
export function describeJson(value: unknown, limit: number): string {
  let text = "";
  const write = (part: string) => {
    text += part;
    return text.length < limit;
  };

  const walk = (item: unknown, depth: number): boolean => {
    if (typeof item === "string") return write(depth === 0 ? item : JSON.stringify(item.slice(0, limit)));
    if (typeof item !== "object" || item === null) return write(String(item));
    const [open, close] = Array.isArray(item) ? ["[", "]"] : ["{", "}"];
    if (depth >= MAX_DEPTH) return write(`${open}…${close}`);
    if (!write(open)) return false;
    let first = true;
    for (const [key, member] of members(item)) {
      if (!first && !write(", ")) return false;
      first = false;
      if (key !== null && !write(`${key}: `)) return false;
      if (!walk(member, depth + 1)) return false;
    }
    return write(close);
  };

  return walk(value, 0) ? text : clipText(text, limit);
}

/** An array's elements or an object's own entries, one at a time, so rendering can stop early. */
function* members(item: object): Generator<[key: string | null, value: unknown]> {
  if (Array.isArray(item)) {
    for (const element of item) yield [null, element];
    return;
  }
  for (const key in item) if (Object.hasOwn(item, key)) yield [key, (item as JsonObject)[key]];
}

/** A value as a field shows it: scalars as they are, a list of strings as a list, anything else as text. */
export function toFieldValue(value: unknown): DetailField["value"] {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return truncateFieldText(value);
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) return listValue(value);
  return describeJson(value, FIELD_TEXT_LIMIT);
}

function listValue(items: readonly string[]): string[] {
  const shown = items.slice(0, MAX_LIST_ITEMS).map(truncateFieldText);
  const hidden = items.length - shown.length;
  return hidden > 0 ? [...shown, `… and ${hidden} more`] : shown;
}

/** `details` as a key/value list, keys as written, for rows no schema describes. */
export function rawDetailFields(details: unknown): DetailField[] {
  if (details === null || details === undefined) return [];
  if (!isJsonObject(details)) return [{ label: "details", value: toFieldValue(details) }];
  const entries = Object.entries(details);
  const fields = entries
    .slice(0, MAX_RAW_FIELDS)
    .map(([key, value]) => ({ label: inlineText(key, LABEL_LIMIT), value: toFieldValue(value) }));
  const hidden = entries.length - fields.length;
  return hidden > 0 ? [...fields, { label: "…", value: `${hidden} more keys not shown` }] : fields;
}

/** The first few `key=value` pairs of `details`, on one line, for a row no schema describes. */
export function rawDetailsSummary(details: unknown): string {
  if (!isJsonObject(details)) {
    return details === null || details === undefined
      ? "No details"
      : inlineText(describeJson(details, SUMMARY_VALUE_LIMIT));
  }
  const pairs = Object.entries(details).slice(0, SUMMARY_PAIRS);
  if (pairs.length === 0) return "No details";
  return pairs
    .map(([key, value]) => `${inlineText(key, LABEL_LIMIT)}=${inlineText(describeJson(value, SUMMARY_VALUE_LIMIT))}`)
    .join(" · ");
}
