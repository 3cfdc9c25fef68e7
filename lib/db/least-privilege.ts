import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type pg from "pg";
import { escapeIdentifier, escapeLiteral } from "pg";

const grantsFile = (part: "upstream" | "dashboard") => fileURLToPath(new URL(`../../prisma/least-privilege/${part}.sql`, import.meta.url));

export const DEFAULT_APP_ROLE = "variance_dashboard_app";

// A plain name keeps the role easy to type in a connection string.
export const appRoleSchema = z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, "Role names are lower-case letters, digits and underscores.");

/** Creates the login role when it does not exist yet; returns whether it did. */
export async function ensureLoginRole(client: pg.Client | pg.PoolClient, role: string, password: string): Promise<boolean> {
  const { rowCount } = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [appRoleSchema.parse(role)]);
  if (rowCount) return false;
  await client.query(`CREATE ROLE ${escapeIdentifier(role)} LOGIN PASSWORD ${escapeLiteral(password)}`);
  return true;
}

/**
 * Grants the role exactly what prisma/least-privilege/*.sql lists, in this database, in one
 * transaction; the dashboard part once its schema exists (after the first migration).
 */
export async function grantLeastPrivilege(client: pg.Client | pg.PoolClient, role: string): Promise<void> {
  const name = escapeIdentifier(appRoleSchema.parse(role));
  const database = (await client.query<{ name: string }>("SELECT current_database() AS name")).rows[0]!.name;
  const { rows } = await client.query<{ migrated: boolean }>("SELECT to_regclass('variance_dashboard.schema_migrations') IS NOT NULL AS migrated");
  const parts = rows[0]!.migrated ? (["upstream", "dashboard"] as const) : (["upstream"] as const);
  const statements = parts.map((part) => readFileSync(grantsFile(part), "utf8")).join("\n").replaceAll(":app_role", name);
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
