import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type pg from "pg";
import { escapeIdentifier, escapeLiteral } from "pg";
import { z } from "zod";
import { UPSTREAM_SCHEMA } from "./schema-compatibility";
import { upstreamColumns } from "./upstream-reads";

const grantsFile = (part: "upstream" | "dashboard") =>
  fileURLToPath(new URL(`../../prisma/least-privilege/${part}.sql`, import.meta.url));

export const DEFAULT_APP_ROLE = "variance_dashboard_app";

// A plain name keeps the role easy to type in a connection string.
export const appRoleSchema = z
  .string()
  .regex(/^[a-z_][a-z0-9_]{0,62}$/, "Role names are lower-case letters, digits and underscores.");

/** Creates the login role when it does not exist yet; returns whether it did. */
export async function ensureLoginRole(
  client: pg.Client | pg.PoolClient,
  role: string,
  password: string,
): Promise<boolean> {
  const { rowCount } = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [appRoleSchema.parse(role)]);
  if (rowCount) return false;
  await client.query(`CREATE ROLE ${escapeIdentifier(role)} LOGIN PASSWORD ${escapeLiteral(password)}`);
  return true;
}

/**
 * Column grants derived from lib/db/upstream-reads.ts for the listed columns this database
 * has: SELECT on each, UPDATE on those the dashboard writes. Absent optional columns (and
 * tables) are left out, as GRANT would fail on them.
 */
async function upstreamColumnGrants(client: pg.Client | pg.PoolClient, name: string): Promise<string[]> {
  const { rows } = await client.query<{ table_name: string; column_name: string }>(
    `SELECT c.relname AS table_name, a.attname AS column_name FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped`,
    [UPSTREAM_SCHEMA],
  );
  const existing = new Set(rows.map((row) => `${row.table_name}.${row.column_name}`));
  const listed = upstreamColumns().filter(({ table, column }) => existing.has(`${table}.${column}`));
  const byTable = (privilege: "SELECT" | "UPDATE", columns: typeof listed) =>
    [...new Set(columns.map(({ table }) => table))].map((table) => {
      const names = columns.filter((column) => column.table === table).map(({ column }) => escapeIdentifier(column));
      return `GRANT ${privilege} (${names.join(", ")}) ON ${escapeIdentifier(UPSTREAM_SCHEMA)}.${escapeIdentifier(table)} TO ${name};`;
    });
  return [
    ...byTable("SELECT", listed),
    ...byTable(
      "UPDATE",
      listed.filter(({ need }) => need.writes),
    ),
  ];
}

/**
 * Grants the role exactly what prisma/least-privilege/*.sql lists, plus the upstream column
 * grants between its two parts, in this database, in one transaction; the dashboard part once
 * its schema exists (after the first migration).
 */
export async function grantLeastPrivilege(client: pg.Client | pg.PoolClient, role: string): Promise<void> {
  const name = escapeIdentifier(appRoleSchema.parse(role));
  const database = (await client.query<{ name: string }>("SELECT current_database() AS name")).rows[0]!.name;
  const { rows } = await client.query<{ migrated: boolean }>(
    "SELECT to_regclass('variance_dashboard.schema_migrations') IS NOT NULL AS migrated",
  );
  const parts = rows[0]!.migrated ? (["upstream", "dashboard"] as const) : (["upstream"] as const);
  const files = parts.map((part) => readFileSync(grantsFile(part), "utf8").replaceAll(":app_role", name));
  const statements = [files[0]!, ...(await upstreamColumnGrants(client, name)), ...files.slice(1)].join("\n");
  await client.query("BEGIN");
  try {
    await client.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${escapeIdentifier(database)} TO ${name}`);
    await client.query(statements);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}
