/** The locale used when the request names none that this runtime's Intl supports. */
export const DEFAULT_LOCALE = "en-US";

// A real Accept-Language header is a few dozen characters; anything far longer is garbage or
// an attempt to make the server parse a huge string on every request.
const MAX_HEADER_LENGTH = 256;
const MAX_RANGES = 16;

interface LanguageRange {
  tag: string;
  q: number;
  order: number;
}

function parseRange(part: string, order: number): LanguageRange | null {
  const [tag = "", ...params] = part.split(";").map((piece) => piece.trim());
  const qParam = params.find((param) => /^q=/i.test(param));
  const q = qParam === undefined ? 1 : Number(qParam.slice(2));
  // q=0 means "not acceptable"; a malformed q makes the range unusable rather than preferred.
  if (!tag || tag === "*" || !Number.isFinite(q) || q <= 0 || q > 1) return null;
  return { tag, q, order };
}

/** The first locale of an Accept-Language header, by preference, that Intl can format numbers in. */
export function negotiateLocale(acceptLanguage: string | null | undefined): string {
  if (!acceptLanguage || acceptLanguage.length > MAX_HEADER_LENGTH) return DEFAULT_LOCALE;
  const ranges = acceptLanguage
    .split(",")
    .slice(0, MAX_RANGES)
    .map(parseRange)
    .filter((range): range is LanguageRange => range !== null)
    // Equal q-values keep the header's order.
    .sort((a, b) => b.q - a.q || a.order - b.order);
  for (const { tag } of ranges) {
    try {
      // The locale Intl resolves to, not the tag as sent: "de-XX" becomes "de", so the set of
      // locales (and of cached formatters) is bounded by what Intl supports, not by what clients send.
      if (Intl.NumberFormat.supportedLocalesOf(tag, { localeMatcher: "lookup" }).length > 0)
        return new Intl.NumberFormat(tag).resolvedOptions().locale;
    } catch {
      // A tag Intl rejects as malformed (RangeError): try the next preference.
    }
  }
  return DEFAULT_LOCALE;
}
