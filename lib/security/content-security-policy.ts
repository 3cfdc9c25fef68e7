import { readEnvironment } from "@/lib/config/environment";

/**
 * The page policy: scripts only from this site or carrying this response's nonce (Next.js
 * puts it on its own scripts when it sees it in the request's policy), no framing, no
 * plugins. Styles may be inline: Tremor's charts set style attributes.
 */
export function contentSecurityPolicy(
  nonce: string,
  development = readEnvironment().NODE_ENV === "development",
): string {
  return [
    "default-src 'self'",
    // React's development build evaluates code for its debugging aids.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** A fresh nonce per response, base64 as CSP expects. */
export const newNonce = () => btoa(crypto.randomUUID());
