import { z } from "zod";
import type { Actor } from "@/lib/access/roles";
import { roleSchema } from "@/lib/access/roles";
import { hashPassword } from "@/lib/auth/password";
import { emailSchema } from "@/lib/auth/users";
import { CommandError } from "@/lib/commands/command-error";
import { parseCommandInput, requiredOr } from "@/lib/commands/command-input";
import type { Database } from "@/lib/db/prisma";
import { type Account, accountOf, accountSelect } from "./account";
import { recordAccountEvent, withAccountsLocked } from "./change-account";
import { generatePassword } from "./generated-password";

export const createAccountInputSchema = z.strictObject({
  email: emailSchema,
  name: z
    .string({ error: requiredOr("Give the person's name as text.") })
    .trim()
    .min(1, "Enter a name.")
    .max(200, "Keep the name to at most 200 characters."),
  role: roleSchema,
  // "entra": an invitation — the person signs in with Microsoft Entra ID and has no password here.
  signInMethod: z.enum(["entra", "password"], { error: "Choose Microsoft Entra ID or a local password." }),
});

export interface CreatedAccount {
  account: Account;
  /** The generated password of a local account, shown once and stored only as a hash. */
  password: string | null;
}

export async function createAccount(db: Database, actor: Actor, rawInput: unknown): Promise<CreatedAccount> {
  const input = parseCommandInput(createAccountInputSchema, rawInput);
  const password = input.signInMethod === "password" ? generatePassword() : null;
  const passwordHash = password ? await hashPassword(password) : null;
  return withAccountsLocked(db, actor, async (tx) => {
    const existing = await tx.users.findUnique({ where: { email: input.email }, select: { id: true } });
    if (existing)
      throw new CommandError("conflict", `An account for ${input.email} already exists.`, {
        email: ["This email already has an account."],
      });
    const account = accountOf(
      await tx.users.create({
        data: { email: input.email, name: input.name, role: input.role, password_hash: passwordHash },
        select: accountSelect,
      }),
    );
    await recordAccountEvent(tx, actor, "user.create", null, account);
    return { account, password };
  });
}
