import { ROLES, type Role, roleSchema } from "@/lib/access/roles";
import { type EnvironmentSource, readEnvironment } from "@/lib/config/environment";

export interface EntraSettings {
  clientId: string;
  clientSecret: string;
  /** https://login.microsoftonline.com/<tenant id>/v2.0 — one tenant, never "common". */
  issuer: string;
  /** Entra app role values or group ids that let a person without an account in: value → role. */
  roleClaims: Map<string, Role>;
}

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

/**
 * Entra ID sign-in is on when its three variables are set (the environment's schema refuses
 * half a configuration and a multi-tenant issuer).
 */
export function entraSettings(env?: EnvironmentSource): EntraSettings | null {
  const environment = readEnvironment(env);
  const clientId = environment.AUTH_MICROSOFT_ENTRA_ID_ID;
  const clientSecret = environment.AUTH_MICROSOFT_ENTRA_ID_SECRET;
  const issuer = environment.AUTH_MICROSOFT_ENTRA_ID_ISSUER;
  if (!clientId || !clientSecret || !issuer) return null;
  return { clientId, clientSecret, issuer, roleClaims: parseRoleClaims(environment.VD_ENTRA_ROLE_MAP) };
}
