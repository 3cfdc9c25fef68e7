import { firstValue } from "@/lib/url-params";

const BASE = "http://callback.invalid";

/** The path and query of a URL on this site (Auth.js hands over absolute URLs). */
const pathOf = (value: string) =>
  /^https?:\/\//i.test(value) ? `${new URL(value).pathname}${new URL(value).search}` : value;

/**
 * Only same-site paths may be a post-sign-in destination (no open redirect). The path is
 * resolved as a browser would — which drops tabs and newlines, so "/\t/evil" means
 * "//evil" — and kept only if it stays on this site.
 */
export function safeCallbackPath(value: string | string[] | undefined | null): string {
  const candidate = firstValue(value);
  try {
    const path = candidate ? pathOf(candidate) : "/";
    const url = new URL(path, BASE);
    if (!path.startsWith("/") || url.origin !== BASE || url.pathname.startsWith("/login")) return "/";
    return `${url.pathname}${url.search}`;
  } catch {
    return "/";
  }
}
