import { readFileSync } from "node:fs";
import path from "node:path";
import { withClient } from "@/lib/db/with-client";

const file = path.resolve(import.meta.dirname, "../../prisma/upstream-recommended-indexes.sql");

function statements(): string[] {
  const sql = readFileSync(file, "utf8").replace(/^--.*$/gm, "");
  return sql
    .split(";")
    .map((statement) => statement.trim())
    .filter(Boolean);
}

const indexNames = () =>
  statements()
    .map((statement) => /IF NOT EXISTS (\w+)/.exec(statement)?.[1])
    .filter((name): name is string => !!name);

/**
 * Puts the tier database in the state to measure: with the recommended upstream indexes or
 * without them. CONCURRENTLY cannot run inside a transaction, so each statement runs alone.
 */
export const setUpstreamIndexes = (databaseUrl: string, wanted: boolean) =>
  withClient(databaseUrl, async (client) => {
    for (const statement of wanted
      ? statements()
      : indexNames().map((name) => `DROP INDEX CONCURRENTLY IF EXISTS ${name}`)) {
      await client.query(statement);
    }
    if (wanted) await client.query("ANALYZE device_snapshot, exceptions");
  });
