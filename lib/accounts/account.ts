import { type Role, roleSchema } from "@/lib/access/roles";
import type { users } from "@/lib/generated/prisma/client";

/** How an account can sign in: both when it has a password and has used Entra ID. */
export type SignInMethod = "password" | "entra" | "password+entra";

export interface Account {
  id: string;
  email: string;
  name: string;
  role: Role;
  signInMethod: SignInMethod;
  lastSignInAt: Date | null;
  disabled: boolean;
  createdAt: Date;
}

export const accountSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  password_hash: true,
  sso_subject: true,
  disabled_at: true,
  last_sign_in_at: true,
  created_at: true,
} as const;

export type AccountRow = Pick<users, keyof typeof accountSelect>;

export function signInMethodOf(row: Pick<users, "password_hash" | "sso_subject">): SignInMethod {
  if (row.password_hash && row.sso_subject) return "password+entra";
  return row.password_hash ? "password" : "entra";
}

export function accountOf(row: AccountRow): Account {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: roleSchema.parse(row.role),
    signInMethod: signInMethodOf(row),
    lastSignInAt: row.last_sign_in_at,
    disabled: row.disabled_at !== null,
    createdAt: row.created_at,
  };
}

/** What the audit log keeps of an account before and after a change (never the password hash). */
export const auditedAccount = (account: Account) => ({
  email: account.email,
  name: account.name,
  role: account.role,
  signInMethod: account.signInMethod,
  disabled: account.disabled,
});
