import { readEnvironment } from "@/lib/config/environment";

/**
 * How long a session lives without use, from VD_SESSION_HOURS (default 8), or from `raw` as if
 * it were set to that. Each request that passes the proxy renews it, so a working day never
 * signs anyone out.
 */
export function sessionMaxAgeSeconds(raw?: string): number {
  const { VD_SESSION_HOURS: hours } =
    raw === undefined ? readEnvironment() : readEnvironment({ VD_SESSION_HOURS: raw });
  return Math.round(hours * 60 * 60);
}

/**
 * The session cookie gets a name of its own so it cannot collide with the upstream API's
 * `session` cookie on a shared host, and the `__Secure-` prefix when served over HTTPS
 * (taken from AUTH_URL; browsers then refuse it on plain HTTP).
 */
export function sessionCookieName(publicUrl = readEnvironment().AUTH_URL): string {
  return `${publicUrl?.startsWith("https://") ? "__Secure-" : ""}variance-dashboard.session-token`;
}

/** A session is valid only if it began after the user's last "sign out everywhere". */
export function sessionStillValid(signedInAtMs: number | undefined, revokedAt: Date | null): boolean {
  if (!revokedAt) return true;
  return signedInAtMs !== undefined && signedInAtMs > revokedAt.getTime();
}
