import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { freePort } from "@/lib/db/embedded-postgres";
import { preflightDatabase } from "@/lib/db/preflight";
import { runDbCheck } from "@/lib/health/db-check";
import { runScript } from "../helpers/run-script";
import { createDemoDatabase, createUpstreamDatabase, databaseUrl, type TestDatabase } from "../helpers/test-database";

function withPassword(url: string, password: string) {
  const parsed = new URL(url);
  parsed.password = password;
  return parsed.toString();
}

describe("start-up against an operator's database", () => {
  let lacking: TestDatabase;
  beforeAll(async () => {
    lacking = await createUpstreamDatabase();
    await lacking.pool.query("ALTER TABLE exceptions DROP COLUMN assigned_to");
  });
  afterAll(() => lacking.drop());

  it("refuses a database lacking exceptions.assigned_to, naming the column", async () => {
    await expect(preflightDatabase(lacking.url)).rejects.toThrow(/exceptions\.assigned_to/);
  });

  it("the start command refuses it too, before serving anything or migrating", async () => {
    const result = await runScript("scripts/start.ts", {
      DATABASE_URL: lacking.url,
      AUTH_SECRET: "test-secret-not-real",
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Refusing to start: .*not compatible[\s\S]*exceptions\.assigned_to/);
    const { rows } = await lacking.pool.query("SELECT to_regnamespace('variance_dashboard') AS schema");
    expect(rows[0].schema).toBeNull();
  });

  it("says so when the password is wrong", async () => {
    await expect(preflightDatabase(withPassword(lacking.ownerUrl, "definitely-wrong"))).rejects.toThrow(
      /refused the password for user "postgres"/,
    );
  });

  it("says so when the server is unreachable or the database does not exist", async () => {
    const unreachable = `postgresql://postgres:x@127.0.0.1:${await freePort()}/es_inventory_hub`;
    await expect(preflightDatabase(unreachable)).rejects.toThrow(/Cannot reach the database server at 127\.0\.0\.1/);
    await expect(preflightDatabase(databaseUrl(inject("adminUrl"), "no_such_database"))).rejects.toThrow(
      /"no_such_database" does not exist/,
    );
  });

  it("refuses to start without AUTH_SECRET outside demo mode", async () => {
    const result = await runScript("scripts/start.ts", { DATABASE_URL: lacking.url, AUTH_SECRET: "" });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/AUTH_SECRET is not set/);
  });
});

describe("npm run db:check", () => {
  let demo: TestDatabase;
  beforeAll(async () => {
    demo = await createDemoDatabase();
  });
  afterAll(() => demo.drop());

  it("prints counts, vendors, latest dates and compatibility for a good database", async () => {
    const result = await runScript("scripts/db-check.ts", { DATABASE_URL: demo.url });
    expect(result.code).toBe(0);
    const { rows } = await demo.pool.query(
      "SELECT (SELECT count(*) FROM exceptions)::int AS e, (SELECT count(*) FROM device_snapshot)::int AS s",
    );
    expect(result.stdout).toContain(`Exceptions: ${rows[0].e}`);
    expect(result.stdout).toContain(`Device snapshots: ${rows[0].s}`);
    expect(result.stdout).toMatch(/Vendors: 1 ninja, 2 threatlocker, 3 Ninja, 4 ThreatLocker/);
    expect(result.stdout).toMatch(/Ninja latest date: \d{4}-\d{2}-\d{2}/);
    expect(result.stdout).toMatch(/Latest matching date: \d{4}-\d{2}-\d{2}/);
  });

  it("exits non-zero with a one-line cause for a bad password, a missing database and a missing table", async () => {
    const badPassword = await runScript("scripts/db-check.ts", { DATABASE_URL: withPassword(demo.url, "nope") });
    expect(badPassword.code).toBe(1);
    expect(badPassword.stderr.trim()).toMatch(/^db:check failed: .*password/);

    const missing = await runScript("scripts/db-check.ts", {
      DATABASE_URL: databaseUrl(inject("adminUrl"), "no_such_database"),
    });
    expect(missing.stderr.trim()).toMatch(/^db:check failed: .*does not exist/);

    await demo.pool.query("DROP TABLE job_runs");
    const missingTable = await runDbCheck(demo.url);
    expect(missingTable).toMatchObject({ ok: false });
    expect(!missingTable.ok && missingTable.cause).toMatch(/job_runs/);
  });
});
