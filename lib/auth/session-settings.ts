import { z } from "zod";

const DEFAULT_SESSION_HOURS = 8;

/**
 * How long a session lives without use, from VD_SESSION_HOURS (default 8). Each request
 * that passes the proxy renews it, so a working day never signs anyone out.
 */
export function sessionMaxAgeSeconds(raw = process.env.VD_SESSION_HOURS): number {
  const hours = z.coerce
    .number()
    .min(0.25)
    .max(24 * 30)
    .safeParse(raw ?? DEFAULT_SESSION_HOURS);
  if (!hours.success)
    throw new Error(`VD_SESSION_HOURS must be a number of hours between 0.25 and 720 (got "${raw}").`);
  return Math.round(hours.data * 60 * 60);
}

/**
 * The session cookie gets a name of its own so it cannot collide with the upstream API's
 * `session` cookie on a shared host, and the `__Secure-` prefix when served over HTTPS
 * (taken from AUTH_URL; browsers then refuse it on plain HTTP).
 */
export function sessionCookieName(publicUrl = process.env.AUTH_URL): string {
  return `${publicUrl?.startsWith("https://") ? "__Secure-" : ""}variance-dashboard.session-token`;
}

/** A session is valid only if it began after the user's last "sign out everywhere". */
export function sessionStillValid(signedInAtMs: number | undefined, revokedAt: Date | null): boolean {
  if (!revokedAt) return true;
  return signedInAtMs !== undefined && signedInAtMs > revokedAt.getTime();
}
