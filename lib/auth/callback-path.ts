/** Only same-site paths may be a post-sign-in destination (no open redirect). */
export function safeCallbackPath(value: string | undefined | null): string {
  if (!value) return "/";
  let path = value;
  try {
    // Auth.js passes an absolute URL of this site; keep only its path.
    if (/^https?:\/\//i.test(value)) {
      const url = new URL(value);
      path = `${url.pathname}${url.search}`;
    }
  } catch {
    return "/";
  }
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") && !path.startsWith("/login") ? path : "/";
}
