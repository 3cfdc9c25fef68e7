/** Longest text value a field shows: enough for any real hostname, name or note. */
export const FIELD_TEXT_LIMIT = 500;
/** Longest value quoted inside a one-line summary. */
const INLINE_TEXT_LIMIT = 80;

/** The first `limit` UTF-16 units of `text`, without splitting a surrogate pair (an emoji, say). */
function prefix(text: string, limit: number): string {
  const end = isHighSurrogate(text.charCodeAt(limit - 1)) ? limit - 1 : limit;
  return text.slice(0, end);
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/** A field value cut to FIELD_TEXT_LIMIT, saying how much was left out. */
export function truncateFieldText(text: string): string {
  if (text.length <= FIELD_TEXT_LIMIT) return text;
  const kept = prefix(text, FIELD_TEXT_LIMIT);
  // Plain digits: field text is built without a request (and exported), so it has no reader's locale.
  return `${kept}… (${text.length - kept.length} more characters)`;
}

// Line breaks, tabs and other control characters, and the bidirectional overrides that could
// make a hostile name display as something else.
const LAYOUT_BREAKING = /[\p{Cc}\u202A-\u202E\u2066-\u2069\s]+/gu;

/** Text cut to `limit` with an ellipsis. */
export function clipText(text: string, limit: number): string {
  return text.length <= limit ? text : `${prefix(text, limit)}…`;
}

/** Text made safe for a single line: layout characters collapsed to one space, cut with an ellipsis. */
export function inlineText(text: string, limit = INLINE_TEXT_LIMIT): string {
  return clipText(text.replace(LAYOUT_BREAKING, " ").trim(), limit);
}

/** A name quoted in a summary: `'ABC | Jane Doe'`. */
export const quoted = (text: string) => `'${inlineText(text)}'`;

/** A name quoted in a summary, or what to say when there is none. */
export function quotedOrNone(text: string | null, none: string): string {
  return text === null || text.trim() === "" ? none : quoted(text);
}

/** ` (Example Client)`, or nothing when the organisation is unknown. */
export function inParentheses(text: string | null): string {
  return text === null || text.trim() === "" ? "" : ` (${inlineText(text)})`;
}

/** The two vendors side by side, as the queue shows a disagreement. */
export const vendorComparison = (ninja: string, threatlocker: string) =>
  `Ninja: ${ninja} · ThreatLocker: ${threatlocker}`;
