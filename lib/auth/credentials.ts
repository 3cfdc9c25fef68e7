import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/audit-events";
import type { Database } from "@/lib/db/prisma";
import { verifyPassword } from "./password";
import { signInThrottle } from "./sign-in-throttle";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().max(320),
  password: z.string().max(1024),
});

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
}

export type PasswordSignIn = { ok: true; user: SignedInUser } | { ok: false; retryAt?: Date };

/**
 * Checks an email and password. Every failure looks the same to the caller (unknown
 * email, wrong password, disabled account), so the sign-in page cannot be used to
 * find out who has an account; the audit log keeps the real reason. Too many refusals
 * for the account, or from the client address a trusted proxy reports (`clientAddress`,
 * lib/auth/client-address.ts; null without one), refuse even the right password until `retryAt`.
 */
export async function authenticateWithPassword(
  db: Database,
  raw: unknown,
  clientAddress: string | null = null,
): Promise<PasswordSignIn> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return { ok: false };
  const { email, password } = parsed.data;
  const address = clientAddress ? clientAddress.slice(0, 64) : null;
  const now = new Date();

  return db.$transaction(
    async (tx) => {
      // One attempt per account at a time, so parallel guesses cannot all slip under the limit.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('sign-in'), hashtext(${email}))`;
      const audit = (action: string, userId: string | null, details: Record<string, string>) =>
        recordAuditEvent(tx, {
          actorUserId: userId,
          actorEmail: email,
          action,
          subjectType: "user",
          subjectId: userId ?? email,
          details: { method: "password", ...(address ? { address } : {}), ...details },
        });

      const throttle = await signInThrottle(tx, email, address, now);
      if (throttle.throttled) {
        await audit("auth.sign_in_throttled", null, {});
        return { ok: false, retryAt: throttle.retryAt ?? undefined };
      }
      const user = await tx.users.findUnique({
        where: { email },
        select: { id: true, email: true, name: true, password_hash: true, disabled_at: true },
      });
      const passwordMatches = await verifyPassword(user?.password_hash ?? null, password);
      const refusal = !user
        ? "unknown_account"
        : !passwordMatches
          ? "wrong_password"
          : user.disabled_at
            ? "disabled"
            : null;
      if (!user || refusal) {
        await audit("auth.sign_in_refused", user?.id ?? null, { reason: refusal ?? "unknown_account" });
        return { ok: false };
      }
      await tx.users.update({ where: { id: user.id }, data: { last_sign_in_at: now }, select: { id: true } });
      await audit("auth.sign_in", user.id, {});
      return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
    },
    // argon2 verification and waiting behind a parallel attempt fit pool-settings.ts's transaction timeout.
  );
}
