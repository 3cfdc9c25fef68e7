import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { connectionConfig } from "@/lib/db/connection-config";
import { grantLeastPrivilege } from "@/lib/db/least-privilege";
import { migrateDashboardSchema } from "@/lib/db/migrate";
import { withClient } from "@/lib/db/with-client";
import { generateDemoData } from "@/lib/demo/generate";
import { createUpstreamSchema, type UpstreamSchemaOptions } from "@/lib/demo/upstream-schema";

export interface TestDatabase {
  name: string;
  /** What the code under test connects with: the least-privilege role when TEST_AS_APP_ROLE=1. */
  url: string;
  /** The owner's (superuser's) URL, for migrations and fixtures. */
  ownerUrl: string;
  /** The owner's pool, for fixtures and assertions. */
  pool: pg.Pool;
  drop(): Promise<void>;
}

export function databaseUrl(adminUrl: string, name: string) {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

const onAdmin = <T>(work: (client: pg.Client) => Promise<T>) => withClient(inject("adminUrl"), work);

function appRoleUrl(ownerUrl: string): string {
  const role = inject("appRole");
  if (!role) return ownerUrl;
  const url = new URL(ownerUrl);
  url.username = role.name;
  url.password = role.password;
  return url.toString();
}

function openDatabase(name: string): TestDatabase {
  const ownerUrl = databaseUrl(inject("adminUrl"), name);
  const pool = new pg.Pool(connectionConfig(ownerUrl, { max: 4 }));
  return {
    name,
    url: appRoleUrl(ownerUrl),
    ownerUrl,
    pool,
    async drop() {
      await pool.end();
      await onAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

const uniqueName = (prefix: string) => `${prefix}_${randomBytes(6).toString("hex")}`;

/** A fresh database with no tables at all. */
export async function createEmptyDatabase(): Promise<TestDatabase> {
  const name = uniqueName("t_empty");
  await onAdmin((client) => client.query(`CREATE DATABASE "${name}"`));
  return openDatabase(name);
}

/** A fresh database with the upstream-compatible tables and lookup rows, but no devices. */
export async function createUpstreamDatabase(options: UpstreamSchemaOptions = {}): Promise<TestDatabase> {
  const database = await createEmptyDatabase();
  await createUpstreamSchema(database.pool, options);
  await grantToAppRole(database);
  return database;
}

const DEMO_TEMPLATE = "demo_template_v1";
const TEMPLATE_LOCK = 4_242_001;

/**
 * Builds the default demo database (upstream tables, demo data, dashboard migrations)
 * once per server, under an advisory lock because test files run in parallel workers.
 */
async function ensureDemoTemplate() {
  await onAdmin(async (admin) => {
    await admin.query("SELECT pg_advisory_lock($1)", [TEMPLATE_LOCK]);
    try {
      const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [DEMO_TEMPLATE]);
      if (rowCount) return;
      const building = `${DEMO_TEMPLATE}_building`;
      await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${building}"`);
      const database = openDatabase(building);
      try {
        await createUpstreamSchema(database.pool);
        await generateDemoData(database.pool, { endDate: DEMO_END_DATE });
        await migrateDashboardSchema(database.ownerUrl);
      } finally {
        await database.pool.end();
      }
      await admin.query(`ALTER DATABASE "${building}" RENAME TO "${DEMO_TEMPLATE}"`);
    } finally {
      await admin.query("SELECT pg_advisory_unlock($1)", [TEMPLATE_LOCK]);
    }
  });
}

/** The demo template's last report date: fixed, so expectations do not move with the clock. */
export const DEMO_END_DATE = "2026-11-24";

/** A private copy of the default demo database, with the dashboard schema migrated. */
export async function createDemoDatabase(): Promise<TestDatabase> {
  await ensureDemoTemplate();
  const name = uniqueName("t_demo");
  await onAdmin((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${DEMO_TEMPLATE}"`));
  const database = openDatabase(name);
  // A template kept on a long-lived TEST_DATABASE_URL server may predate newer migrations.
  await migrateTestDatabase(database);
  return database;
}

/** Migrates as the owner and, when the suite runs as the app role, grants it its rights. */
export async function migrateTestDatabase(database: TestDatabase) {
  const applied = await migrateDashboardSchema(database.ownerUrl);
  await grantToAppRole(database);
  return applied;
}

async function grantToAppRole(database: TestDatabase) {
  const role = inject("appRole");
  if (role) await withClient(database.ownerUrl, (client) => grantLeastPrivilege(client, role.name));
}
