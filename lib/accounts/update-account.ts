import { z } from "zod";
import type { Actor } from "@/lib/access/roles";
import { roleSchema } from "@/lib/access/roles";
import { hashPassword } from "@/lib/auth/password";
import { CommandError } from "@/lib/commands/command-error";
import { parseCommandInput } from "@/lib/commands/command-input";
import type { Database } from "@/lib/db/prisma";
import { type Account, accountOf, accountSelect } from "./account";
import {
  accountIdShape,
  assertAnAdminRemains,
  findAccount,
  recordAccountEvent,
  withAccountsLocked,
} from "./change-account";
import { generatePassword } from "./generated-password";

export const changeRoleInputSchema = z.strictObject({ ...accountIdShape, role: roleSchema });
export const setDisabledInputSchema = z.strictObject({
  ...accountIdShape,
  disabled: z.boolean({ error: "Say whether to disable (true) or enable (false)." }),
});
/** The input of the commands that name only the account: reset, revoke, remove. */
export const accountIdInputSchema = z.strictObject(accountIdShape);

const refuseOwnAccount = (actor: Actor, userId: string, what: string) => {
  if (actor.id === userId)
    throw new CommandError("conflict", `You cannot ${what} your own account; ask another admin.`);
};

/** Changes a role; demoting the last active admin is refused. */
export async function changeAccountRole(db: Database, actor: Actor, rawInput: unknown): Promise<Account> {
  const { userId, role } = parseCommandInput(changeRoleInputSchema, rawInput);
  return withAccountsLocked(db, actor, async (tx) => {
    const before = await findAccount(tx, userId);
    if (before.role === role) return before;
    const after = accountOf(
      await tx.users.update({ where: { id: userId }, data: { role, updated_at: new Date() }, select: accountSelect }),
    );
    await assertAnAdminRemains(tx);
    await recordAccountEvent(tx, actor, "user.role_change", before, after);
    return after;
  });
}

/** Disables (every session ends on its next request) or enables an account. */
export async function setAccountDisabled(db: Database, actor: Actor, rawInput: unknown): Promise<Account> {
  const { userId, disabled } = parseCommandInput(setDisabledInputSchema, rawInput);
  if (disabled) refuseOwnAccount(actor, userId, "disable");
  return withAccountsLocked(db, actor, async (tx) => {
    const before = await findAccount(tx, userId);
    if (before.disabled === disabled) return before;
    const after = accountOf(
      await tx.users.update({
        where: { id: userId },
        data: { disabled_at: disabled ? new Date() : null, updated_at: new Date() },
        select: accountSelect,
      }),
    );
    await assertAnAdminRemains(tx);
    await recordAccountEvent(tx, actor, disabled ? "user.disable" : "user.enable", before, after);
    return after;
  });
}

/** Gives the account a new generated password (shown once) and ends its sessions. */
export async function resetAccountPassword(
  db: Database,
  actor: Actor,
  rawInput: unknown,
): Promise<{ account: Account; password: string }> {
  const { userId } = parseCommandInput(accountIdInputSchema, rawInput);
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  return withAccountsLocked(db, actor, async (tx) => {
    const before = await findAccount(tx, userId);
    const now = new Date();
    const after = accountOf(
      await tx.users.update({
        where: { id: userId },
        data: { password_hash: passwordHash, sessions_revoked_at: now, updated_at: now },
        select: accountSelect,
      }),
    );
    await recordAccountEvent(tx, actor, "user.password_reset", before, after);
    return { account: after, password };
  });
}

/** Ends every session of the account; the person signs in again. */
export async function revokeAccountSessions(db: Database, actor: Actor, rawInput: unknown): Promise<Account> {
  const { userId } = parseCommandInput(accountIdInputSchema, rawInput);
  return withAccountsLocked(db, actor, async (tx) => {
    const account = await findAccount(tx, userId);
    await tx.users.update({ where: { id: userId }, data: { sessions_revoked_at: new Date() }, select: { id: true } });
    await recordAccountEvent(tx, actor, "user.sessions_revoke", account, account);
    return account;
  });
}

/**
 * Removes an account that has no triage history. One with notes or triage keeps its author
 * in that history, so it is refused with the advice to disable it instead.
 */
export async function removeAccount(db: Database, actor: Actor, rawInput: unknown): Promise<Account> {
  const { userId } = parseCommandInput(accountIdInputSchema, rawInput);
  refuseOwnAccount(actor, userId, "remove");
  return withAccountsLocked(db, actor, async (tx) => {
    const before = await findAccount(tx, userId);
    const history = await tx.$queryRaw<{ count: bigint }[]>`
      SELECT (SELECT count(*) FROM variance_dashboard.variance_notes WHERE author_user_id = ${userId}::uuid)
           + (SELECT count(*) FROM variance_dashboard.variance_triage
              WHERE ${userId}::uuid IN (assignee_user_id, resolved_by_user_id, snoozed_by_user_id, updated_by_user_id)) AS count`;
    if (Number(history[0]?.count ?? 0) > 0) {
      throw new CommandError(
        "conflict",
        `${before.name} has triage history (notes or triage changes); disable the account instead so that history keeps its author.`,
      );
    }
    await tx.users.delete({ where: { id: userId }, select: { id: true } });
    await assertAnAdminRemains(tx);
    await recordAccountEvent(tx, actor, "user.remove", before, null);
    return before;
  });
}
