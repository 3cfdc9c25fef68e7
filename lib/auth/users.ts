import { z } from "zod";
import { roleSchema } from "@/lib/access/roles";
import { recordAuditEvent } from "@/lib/audit/audit-events";
import type { Database } from "@/lib/db/prisma";
import { inTransaction } from "@/lib/db/transaction";
import { hashPassword, MIN_PASSWORD_LENGTH } from "./password";

export const emailSchema = z
  .email("Enter a valid email address.")
  .max(320)
  .transform((email) => email.toLowerCase());

export const newLocalUserSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, "Enter a name.").max(200),
  role: roleSchema,
  password: z.string().min(MIN_PASSWORD_LENGTH, `Passwords have at least ${MIN_PASSWORD_LENGTH} characters.`).max(1024),
});
export type NewLocalUser = z.input<typeof newLocalUserSchema>;

export class DuplicateEmailError extends Error {
  constructor(email: string) {
    super(`An account for ${email} already exists.`);
  }
}

/**
 * Creates a local (password) account. Only for the bootstrap paths that have no signed-in
 * admin yet — `npm run user:create` and demo set-up — so the actor is named by the caller.
 */
export async function createLocalUser(db: Database, input: NewLocalUser, createdBy: string) {
  const user = newLocalUserSchema.parse(input);
  const passwordHash = await hashPassword(user.password);
  return inTransaction(db, async (tx) => {
    const existing = await tx.users.findUnique({ where: { email: user.email }, select: { id: true } });
    if (existing) throw new DuplicateEmailError(user.email);
    const created = await tx.users.create({
      data: { email: user.email, name: user.name, role: user.role, password_hash: passwordHash },
      select: { id: true, email: true, role: true },
    });
    await recordAuditEvent(tx, {
      actorUserId: null,
      actorEmail: createdBy,
      action: "user.create",
      subjectType: "user",
      subjectId: created.id,
      details: { email: created.email, role: created.role, method: "password" },
    });
    return created;
  });
}
