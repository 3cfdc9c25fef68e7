import { type EnvironmentSource, readEnvironment } from "@/lib/config/environment";

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

/** Pool and transaction limits from the environment (defaults: 10 connections, 15 s statements, 5 s to connect, 10 s to start a transaction, 30 s to run it). */
export function poolSettings(env?: EnvironmentSource): PoolSettings {
  const environment = readEnvironment(env);
  return {
    max: environment.VD_DB_POOL_MAX,
    statementTimeoutMs: environment.VD_DB_STATEMENT_TIMEOUT_MS,
    connectionTimeoutMs: environment.VD_DB_CONNECT_TIMEOUT_MS,
    transactionWaitMs: environment.VD_DB_TRANSACTION_WAIT_MS,
    transactionTimeoutMs: environment.VD_DB_TRANSACTION_TIMEOUT_MS,
  };
}
