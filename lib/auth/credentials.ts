import { z } from "zod";
import type { Database } from "@/lib/db/prisma";
import { recordAuditEvent } from "@/lib/audit/audit-events";
import { verifyPassword } from "./password";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().max(320),
  password: z.string().max(1024),
});

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
}

/**
 * Checks an email and password. Every failure looks the same to the caller (unknown
 * email, wrong password, disabled account), so the sign-in page cannot be used to
 * find out who has an account; the audit log keeps the real reason.
 */
export async function authenticateWithPassword(db: Database, raw: unknown): Promise<SignedInUser | null> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const user = await db.users.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, password_hash: true, disabled_at: true },
  });
  const passwordMatches = await verifyPassword(user?.password_hash ?? null, password);
  const refusal = !user ? "unknown_account" : !passwordMatches ? "wrong_password" : user.disabled_at ? "disabled" : null;

  await db.$transaction(async (tx) => {
    if (user && !refusal) await tx.users.update({ where: { id: user.id }, data: { last_sign_in_at: new Date() }, select: { id: true } });
    await recordAuditEvent(tx, {
      actorUserId: user?.id ?? null,
      actorEmail: email,
      action: refusal ? "auth.sign_in_refused" : "auth.sign_in",
      subjectType: "user",
      subjectId: user?.id ?? email,
      details: refusal ? { method: "password", reason: refusal } : { method: "password" },
    });
  });
  return user && !refusal ? { id: user.id, email: user.email, name: user.name } : null;
}
