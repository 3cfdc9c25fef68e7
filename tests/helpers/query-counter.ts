import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { connectionConfig } from "@/lib/db/connection-config";
import type { Database } from "@/lib/db/prisma";
import { PrismaClient } from "@/lib/generated/prisma/client";

type QueryArgument = string | { text?: string } | undefined;

const statementText = (argument: QueryArgument) => (typeof argument === "string" ? argument : (argument?.text ?? ""));

/** The SQL a client sent, in order; transaction control (BEGIN/COMMIT/…) counts too. */
export interface StatementLog {
  statements: string[];
  /** Empties the log, to count what one piece of work sends. */
  clear(): void;
}

/**
 * A Prisma client like the app's (driver adapter over a pg Pool) whose pool connections record
 * every statement they send. Counting at the driver sees all of them: Prisma queries, raw SQL,
 * and transactions, whatever the code under test calls.
 */
export function createCountingPrismaClient(url: string): { db: Database; log: StatementLog; pool: pg.Pool } {
  const log: StatementLog = {
    statements: [],
    clear() {
      log.statements.length = 0;
    },
  };
  class CountingClient extends pg.Client {
    // pg's overloads differ in their callback and config forms; the first argument always holds the SQL.
    override query(...args: unknown[]): never {
      log.statements.push(statementText(args[0] as QueryArgument));
      return (super.query as (...forwarded: unknown[]) => never)(...args);
    }
  }
  const pool = new pg.Pool(connectionConfig(url, { max: 4, Client: CountingClient }));
  return { db: new PrismaClient({ adapter: new PrismaPg(pool) }), log, pool };
}
