import { z } from "zod";

export interface PoolSettings {
  /** Connections per app instance: the database is shared with the collectors and other instances. */
  max: number;
  /** PostgreSQL cancels any statement running longer than this, so no request hangs on one. */
  statementTimeoutMs: number;
  /** How long to wait for a connection (a full pool, or an unreachable server) before failing. */
  connectionTimeoutMs: number;
  /** How long a transaction may wait to start (a connection, then BEGIN) before the command is refused as busy. */
  transactionWaitMs: number;
  /** How long an interactive transaction may run before Prisma rolls it back (long batch work passes its own). */
  transactionTimeoutMs: number;
}

const positiveInteger = (name: string, fallback: number, max: number) =>
  z.coerce
    .number({ error: `${name} must be a whole number.` })
    .int(`${name} must be a whole number.`)
    .min(1, `${name} must be at least 1.`)
    .max(max, `${name} must be at most ${max}.`)
    .default(fallback);

// Prisma's own 2 s wait and 5 s run failed commands on a loaded 2-core machine (issue #15): the
// wait to start outlasts the connect timeout, and the run leaves room for a lock a bulk command holds.
const poolSettingsSchema = z.object({
  VD_DB_POOL_MAX: positiveInteger("VD_DB_POOL_MAX", 10, 200),
  VD_DB_STATEMENT_TIMEOUT_MS: positiveInteger("VD_DB_STATEMENT_TIMEOUT_MS", 15_000, 600_000),
  VD_DB_CONNECT_TIMEOUT_MS: positiveInteger("VD_DB_CONNECT_TIMEOUT_MS", 5_000, 120_000),
  VD_DB_TRANSACTION_WAIT_MS: positiveInteger("VD_DB_TRANSACTION_WAIT_MS", 10_000, 120_000),
  VD_DB_TRANSACTION_TIMEOUT_MS: positiveInteger("VD_DB_TRANSACTION_TIMEOUT_MS", 30_000, 600_000),
});

/** Pool and transaction limits from the environment (defaults: 10 connections, 15 s statements, 5 s to connect, 10 s to start a transaction, 30 s to run it). */
export function poolSettings(env: Record<string, string | undefined> = process.env): PoolSettings {
  const parsed = poolSettingsSchema.safeParse(
    Object.fromEntries(Object.keys(poolSettingsSchema.shape).map((name) => [name, env[name] || undefined])),
  );
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => issue.message).join(" "));
  const {
    VD_DB_POOL_MAX: max,
    VD_DB_STATEMENT_TIMEOUT_MS: statementTimeoutMs,
    VD_DB_CONNECT_TIMEOUT_MS: connectionTimeoutMs,
    VD_DB_TRANSACTION_WAIT_MS: transactionWaitMs,
    VD_DB_TRANSACTION_TIMEOUT_MS: transactionTimeoutMs,
  } = parsed.data;
  return { max, statementTimeoutMs, connectionTimeoutMs, transactionWaitMs, transactionTimeoutMs };
}
