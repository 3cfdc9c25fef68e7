import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { requireDatabaseUrl } from "./database-url";

export type Database = PrismaClient;

export function createPrismaClient(connectionString: string): Database {
  // A bounded pool: several app instances share one database with the collectors.
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 10 }) });
}

const holder = globalThis as unknown as { varianceDashboardPrisma?: Database };

/** The process-wide client, created on first use so that importing this never connects. */
export function getPrisma(): Database {
  holder.varianceDashboardPrisma ??= createPrismaClient(requireDatabaseUrl());
  return holder.varianceDashboardPrisma;
}
