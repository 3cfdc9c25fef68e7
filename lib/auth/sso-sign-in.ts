import { z } from "zod";
import { ROLES, type Role } from "@/lib/access/roles";
import { recordAuditEvent } from "@/lib/audit/audit-events";
import type { Database } from "@/lib/db/prisma";

/** The claims of an Entra ID token the dashboard uses. */
export const entraProfileSchema = z.object({
  sub: z.string().min(1).max(200),
  oid: z.string().max(200).optional(),
  email: z.string().max(320).optional(),
  preferred_username: z.string().max(320).optional(),
  name: z.string().max(200).optional(),
  roles: z.array(z.string()).optional(),
  groups: z.array(z.string()).optional(),
});
export type EntraProfile = z.infer<typeof entraProfileSchema>;

export type SsoRefusal = "unknown_account" | "disabled" | "linked_elsewhere" | "no_email";
export type SsoSignIn = { ok: true; userId: string } | { ok: false; reason: SsoRefusal };

/** The strongest role a token's app roles or groups map to, if any. */
function mappedRole(profile: EntraProfile, roleClaims: Map<string, Role>): Role | null {
  const roles = [...(profile.roles ?? []), ...(profile.groups ?? [])].flatMap((claim) => roleClaims.get(claim) ?? []);
  return roles.sort((a, b) => ROLES.indexOf(b) - ROLES.indexOf(a))[0] ?? null;
}

/**
 * Decides whether a person Entra ID vouched for may in, and as whom. The admin-managed
 * account list decides first (by the Entra object id once linked, by email before that); a
 * person without an account gets one only when configuration maps one of their app roles or
 * groups to a role. Every outcome is audited.
 */
export async function authorizeSsoSignIn(
  db: Database,
  rawProfile: unknown,
  roleClaims: Map<string, Role>,
): Promise<SsoSignIn> {
  const profile = entraProfileSchema.parse(rawProfile);
  // The object id is stable for a person across apps; `sub` is per app. Either identifies them here.
  const subject = profile.oid ?? profile.sub;
  const email = (profile.email ?? profile.preferred_username ?? "").trim().toLowerCase();

  return db.$transaction(async (tx) => {
    // One sign-in per person at a time, so two first sign-ins cannot both create the account.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('sign-in'), hashtext(${email || subject}))`;
    const audit = (action: string, userId: string | null, details: Record<string, string>) =>
      recordAuditEvent(tx, {
        actorUserId: userId,
        actorEmail: email || subject,
        action,
        subjectType: "user",
        subjectId: userId ?? (email || subject),
        details: { method: "entra", ...details },
      });
    const refuse = async (reason: SsoRefusal, userId: string | null = null): Promise<SsoSignIn> => {
      await audit("auth.sign_in_refused", userId, { reason });
      return { ok: false, reason };
    };

    const linked = await tx.users.findUnique({
      where: { sso_subject: subject },
      select: { id: true, disabled_at: true },
    });
    let account = linked;
    if (!account) {
      if (!email) return refuse("no_email");
      const byEmail = await tx.users.findUnique({
        where: { email },
        select: { id: true, disabled_at: true, sso_subject: true },
      });
      if (byEmail?.sso_subject) return refuse("linked_elsewhere", byEmail.id);
      account = byEmail;
      if (!account) {
        const role = mappedRole(profile, roleClaims);
        if (!role) return refuse("unknown_account");
        account = await tx.users.create({
          data: { email, name: profile.name?.trim() || email, role, sso_subject: subject },
          select: { id: true, disabled_at: true },
        });
        await recordAuditEvent(tx, {
          actorUserId: null,
          actorEmail: "entra-role-mapping",
          action: "user.create",
          subjectType: "user",
          subjectId: account.id,
          details: { before: null, after: { email, role, signInMethod: "entra", disabled: false } },
        });
      }
    }
    if (account.disabled_at) return refuse("disabled", account.id);
    await tx.users.update({
      where: { id: account.id },
      data: { sso_subject: subject, last_sign_in_at: new Date() },
      select: { id: true },
    });
    await audit("auth.sign_in", account.id, {});
    return { ok: true, userId: account.id };
  });
}
