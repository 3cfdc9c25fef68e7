import { CommandError, databaseBusy } from "@/lib/commands/command-error";
import { isDatabaseBusy } from "./connection-errors";
import type { Database } from "./prisma";

type Tx = Parameters<Parameters<Database["$transaction"]>[0]>[0];
type TransactionOptions = NonNullable<Parameters<Database["$transaction"]>[1]>;

/** The refusal a failure stands for when the database was too busy for it, or null. */
export function busyRefusalOf(error: unknown): CommandError | null {
  return !(error instanceof CommandError) && isDatabaseBusy(error) ? databaseBusy() : null;
}

/**
 * Runs a command's database work (its reads before the transaction, and the transaction):
 * a database too busy to give it a connection or a transaction in time refuses it as
 * "busy", retryable, instead of failing it as unexpected.
 */
export async function refuseWhenBusy<Result>(work: () => Promise<Result>): Promise<Result> {
  try {
    return await work();
  } catch (error) {
    throw busyRefusalOf(error) ?? error;
  }
}

/**
 * An interactive transaction with the wait and timeout of lib/db/pool-settings.ts (set on the
 * client); long batch work passes its own `timeout`. One that cannot start in time is refused as busy.
 */
export function inTransaction<Result>(
  db: Database,
  work: (tx: Tx) => Promise<Result>,
  options: Omit<TransactionOptions, "maxWait"> = {},
): Promise<Result> {
  return refuseWhenBusy(() => db.$transaction(work, options));
}
