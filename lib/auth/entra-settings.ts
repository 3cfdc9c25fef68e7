import { z } from "zod";
import { ROLES, type Role, roleSchema } from "@/lib/access/roles";

export interface EntraSettings {
  clientId: string;
  clientSecret: string;
  /** https://login.microsoftonline.com/<tenant id>/v2.0 — one tenant, never "common". */
  issuer: string;
  /** Entra app role values or group ids that let a person without an account in: value → role. */
  roleClaims: Map<string, Role>;
}

const MULTI_TENANT = /\/(common|organizations|consumers)\/v2\.0\/?$/;

/**
 * Parses VD_ENTRA_ROLE_MAP, "admin=<app role or group id>;manager=…": several values per
 * role may be given comma-separated.
 */
export function parseRoleClaims(raw: string | undefined): Map<string, Role> {
  const claims = new Map<string, Role>();
  for (const entry of (raw ?? "")
    .split(";")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [role, values] = entry.split("=", 2).map((part) => part.trim());
    const parsedRole = roleSchema.safeParse(role);
    if (!parsedRole.success || !values)
      throw new Error(`VD_ENTRA_ROLE_MAP: "${entry}" is not <${ROLES.join("|")}>=<values>.`);
    for (const value of values
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean))
      claims.set(value, parsedRole.data);
  }
  return claims;
}

/** Entra ID sign-in is on when its three variables are set; half a configuration is an error. */
export function entraSettings(env: Record<string, string | undefined> = process.env): EntraSettings | null {
  const clientId = env.AUTH_MICROSOFT_ENTRA_ID_ID;
  const clientSecret = env.AUTH_MICROSOFT_ENTRA_ID_SECRET;
  const issuer = env.AUTH_MICROSOFT_ENTRA_ID_ISSUER;
  if (!clientId && !clientSecret && !issuer) return null;
  if (!clientId || !clientSecret || !issuer) {
    throw new Error(
      "Entra ID sign-in needs AUTH_MICROSOFT_ENTRA_ID_ID, AUTH_MICROSOFT_ENTRA_ID_SECRET and AUTH_MICROSOFT_ENTRA_ID_ISSUER together.",
    );
  }
  if (!z.url().safeParse(issuer).success || MULTI_TENANT.test(issuer)) {
    throw new Error(
      "AUTH_MICROSOFT_ENTRA_ID_ISSUER must be your tenant's issuer, https://login.microsoftonline.com/<tenant id>/v2.0.",
    );
  }
  return { clientId, clientSecret, issuer, roleClaims: parseRoleClaims(env.VD_ENTRA_ROLE_MAP) };
}
