import { z } from "zod";

export interface PoolSettings {
  /** Connections per app instance: the database is shared with the collectors and other instances. */
  max: number;
  /** PostgreSQL cancels any statement running longer than this, so no request hangs on one. */
  statementTimeoutMs: number;
  /** How long to wait for a connection (a full pool, or an unreachable server) before failing. */
  connectionTimeoutMs: number;
}

const positiveInteger = (name: string, fallback: number, max: number) =>
  z.coerce
    .number({ error: `${name} must be a whole number.` })
    .int(`${name} must be a whole number.`)
    .min(1, `${name} must be at least 1.`)
    .max(max, `${name} must be at most ${max}.`)
    .default(fallback);

const poolSettingsSchema = z.object({
  VD_DB_POOL_MAX: positiveInteger("VD_DB_POOL_MAX", 10, 200),
  VD_DB_STATEMENT_TIMEOUT_MS: positiveInteger("VD_DB_STATEMENT_TIMEOUT_MS", 15_000, 600_000),
  VD_DB_CONNECT_TIMEOUT_MS: positiveInteger("VD_DB_CONNECT_TIMEOUT_MS", 5_000, 120_000),
});

/** Pool limits from the environment (defaults: 10 connections, 15 s statements, 5 s to connect). */
export function poolSettings(env: Record<string, string | undefined> = process.env): PoolSettings {
  const parsed = poolSettingsSchema.safeParse({
    VD_DB_POOL_MAX: env.VD_DB_POOL_MAX || undefined,
    VD_DB_STATEMENT_TIMEOUT_MS: env.VD_DB_STATEMENT_TIMEOUT_MS || undefined,
    VD_DB_CONNECT_TIMEOUT_MS: env.VD_DB_CONNECT_TIMEOUT_MS || undefined,
  });
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => issue.message).join(" "));
  const { VD_DB_POOL_MAX: max, VD_DB_STATEMENT_TIMEOUT_MS: statementTimeoutMs, VD_DB_CONNECT_TIMEOUT_MS: connectionTimeoutMs } = parsed.data;
  return { max, statementTimeoutMs, connectionTimeoutMs };
}
