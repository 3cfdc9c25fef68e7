import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { connectionConfig } from "./connection-config";
import { requireDatabaseUrl } from "./database-url";
import { type PoolSettings, poolSettings } from "./pool-settings";

export type Database = PrismaClient;

export function createPrismaClient(connectionString: string, settings: PoolSettings = poolSettings()): Database {
  return new PrismaClient({
    adapter: new PrismaPg(
      connectionConfig(connectionString, {
        max: settings.max,
        statement_timeout: settings.statementTimeoutMs,
        connectionTimeoutMillis: settings.connectionTimeoutMs,
      }),
    ),
    // Every interactive transaction's wait and run time, unless a call passes longer work's own timeout.
    transactionOptions: { maxWait: settings.transactionWaitMs, timeout: settings.transactionTimeoutMs },
  });
}

const holder = globalThis as unknown as { varianceDashboardPrisma?: Database };

/** The process-wide client, created on first use so that importing this never connects. */
export function getPrisma(): Database {
  holder.varianceDashboardPrisma ??= createPrismaClient(requireDatabaseUrl());
  return holder.varianceDashboardPrisma;
}
