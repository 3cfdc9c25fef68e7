import { z } from "zod";
import { assertCan } from "@/lib/access/permissions";
import type { Actor } from "@/lib/access/roles";
import { recordAuditEvent } from "@/lib/audit/audit-events";
import { CommandError } from "@/lib/commands/command-error";
import { requiredOr } from "@/lib/commands/command-input";
import type { Database } from "@/lib/db/prisma";
import { inTransaction } from "@/lib/db/transaction";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type Account, accountOf, accountSelect, auditedAccount } from "./account";

type Tx = Prisma.TransactionClient;

export const accountIdShape = { userId: z.uuid({ error: requiredOr("Give the account's id.") }) };

/**
 * Every account change runs in one transaction behind one lock on the account list, so two
 * admins demoting each other at the same moment cannot both succeed and leave no admin.
 */
export async function withAccountsLocked<Result>(
  db: Database,
  actor: Actor,
  work: (tx: Tx) => Promise<Result>,
): Promise<Result> {
  assertCan(actor, "users:manage");
  return inTransaction(db, async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('variance_dashboard.accounts'))`;
    return work(tx);
  });
}

export async function findAccount(tx: Tx, userId: string): Promise<Account> {
  const row = await tx.users.findUnique({ where: { id: userId }, select: accountSelect });
  if (!row) throw new CommandError("not_found", "That account does not exist (any more): reload the list.");
  return accountOf(row);
}

/** Refuses (rolling the transaction back) when no active admin would remain. */
export async function assertAnAdminRemains(tx: Tx) {
  const admins = await tx.users.count({ where: { role: "admin", disabled_at: null } });
  if (admins === 0)
    throw new CommandError("conflict", "That would leave no active admin. Make someone else an admin first.");
}

/** Records a change to an account with the account as it was and as it is now. */
export async function recordAccountEvent(
  tx: Tx,
  actor: Actor,
  action: string,
  before: Account | null,
  after: Account | null,
) {
  const subject = after ?? before;
  if (!subject) throw new Error("an account event needs the account before or after the change");
  await recordAuditEvent(tx, {
    actorUserId: actor.id,
    actorEmail: actor.email,
    action,
    subjectType: "user",
    subjectId: subject.id,
    details: { before: before ? auditedAccount(before) : null, after: after ? auditedAccount(after) : null },
  });
}
