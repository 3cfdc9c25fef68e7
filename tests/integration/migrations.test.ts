import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDashboardSchema } from "@/lib/db/migrate";
import { createUpstreamDatabase, type TestDatabase } from "../helpers/test-database";

/** A fingerprint of everything in the public schema: columns, types, defaults, constraints, indexes. */
async function publicSchemaFingerprint(database: TestDatabase): Promise<string> {
  const { rows } = await database.pool.query<{ fingerprint: string }>(`
    SELECT md5(
      (SELECT string_agg(concat_ws(':', table_name, column_name, data_type, character_maximum_length, is_nullable, column_default), ',' ORDER BY table_name, column_name)
         FROM information_schema.columns WHERE table_schema = 'public') ||
      (SELECT string_agg(indexdef, ',' ORDER BY indexname) FROM pg_indexes WHERE schemaname = 'public') ||
      (SELECT string_agg(pg_get_constraintdef(c.oid), ',' ORDER BY conname) FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = 'public')
    ) AS fingerprint`);
  return rows[0]!.fingerprint;
}

describe("dashboard migrations", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createUpstreamDatabase();
  });
  afterAll(() => database.drop());

  it("create the dashboard schema, record themselves, and change nothing when run again", async () => {
    const before = await publicSchemaFingerprint(database);
    const first = await migrateDashboardSchema(database.ownerUrl);
    expect(first.length).toBeGreaterThan(0);
    expect(await migrateDashboardSchema(database.ownerUrl)).toEqual([]);

    const { rows: recorded } = await database.pool.query<{ name: string }>(
      "SELECT name FROM variance_dashboard.schema_migrations ORDER BY id",
    );
    expect(recorded.map((row) => row.name)).toEqual(first);
    const { rows: tables } = await database.pool.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'variance_dashboard' ORDER BY table_name",
    );
    expect(tables.map((row) => row.table_name)).toEqual(
      expect.arrayContaining(["audit_events", "schema_migrations", "users"]),
    );
    expect(await publicSchemaFingerprint(database)).toBe(before);
  });

  it("let two instances start at once: one applies, the other finds nothing to do", async () => {
    const fresh = await createUpstreamDatabase();
    try {
      const results = await Promise.all([
        migrateDashboardSchema(fresh.ownerUrl),
        migrateDashboardSchema(fresh.ownerUrl),
      ]);
      expect(results.map((applied) => applied.length).sort()).toEqual([0, results.flat().length]);
    } finally {
      await fresh.drop();
    }
  });
});
