import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connectionConfig } from "@/lib/db/connection-config";
import { ensureLoginRole, grantLeastPrivilege } from "@/lib/db/least-privilege";
import { MigrationsPendingError, migrateDashboardSchema } from "@/lib/db/migrate";
import { preflightDatabase } from "@/lib/db/preflight";
import { withClient } from "@/lib/db/with-client";
import { runScript } from "../helpers/run-script";
import { createDemoDatabase, type TestDatabase } from "../helpers/test-database";

const asRole = (url: string, role: string, password: string) => {
  const parsed = new URL(url);
  parsed.username = role;
  parsed.password = password;
  return parsed.toString();
};

describe("the least-privilege database role", () => {
  let database: TestDatabase;
  let appUrl: string;
  const role = `vd_lp_${randomBytes(4).toString("hex")}`;
  const password = randomBytes(12).toString("hex");

  beforeAll(async () => {
    database = await createDemoDatabase();
    await withClient(database.ownerUrl, async (client) => {
      expect(await ensureLoginRole(client, role, password)).toBe(true);
      await grantLeastPrivilege(client, role);
      // Twice: re-running the grant after a migration is the documented routine.
      await grantLeastPrivilege(client, role);
    });
    appUrl = asRole(database.ownerUrl, role, password);
  });
  const scriptRole = `vd_cli_${randomBytes(4).toString("hex")}`;
  afterAll(async () => {
    await database.drop();
    // Roles belong to the server, not the database: leave none behind on a shared TEST_DATABASE_URL.
    await withClient(inject("adminUrl"), (client) => client.query(`DROP ROLE IF EXISTS ${role}, ${scriptRole}`));
  });

  /** The SQLSTATE of a statement run as the app role, or "ok". */
  const outcome = (sql: string) =>
    withClient(appUrl, (client) => client.query(sql)).then(
      () => "ok",
      (error: { code?: string }) => error.code,
    );

  it("reads the upstream tables and writes only the triage columns of exceptions", async () => {
    expect(await outcome("SELECT count(*) FROM device_snapshot")).toBe("ok");
    expect(await outcome("SELECT count(*) FROM job_runs")).toBe("ok");
    expect(
      await outcome(
        "UPDATE exceptions SET resolved = true, resolved_date = current_date, resolved_by = 'x', assigned_to = 'y', notes = '{}' WHERE id = (SELECT min(id) FROM exceptions)",
      ),
    ).toBe("ok");
    expect(await outcome("UPDATE exceptions SET hostname = 'x' WHERE id = (SELECT min(id) FROM exceptions)")).toBe(
      "42501",
    );
    expect(await outcome("DELETE FROM exceptions WHERE false")).toBe("42501");
    expect(
      await outcome(
        "INSERT INTO exceptions (date_found, type, hostname, details) VALUES (current_date, 'X', 'x', '{}')",
      ),
    ).toBe("42501");
    expect(await outcome("UPDATE device_snapshot SET hostname = hostname WHERE false")).toBe("42501");
    expect(await outcome("CREATE TABLE public.intruder (id int)")).toBe("42501");
  });

  it("reads only the upstream columns lib/db/upstream-reads.ts lists", async () => {
    expect(
      await outcome("SELECT hostname, organization_name, has_tpm, location_name FROM device_snapshot LIMIT 1"),
    ).toBe("ok");
    expect(await outcome("SELECT job_name, started_at FROM job_runs LIMIT 1")).toBe("ok");
    // Not listed: the query that would read them fails, so every column read is a checked one.
    expect(await outcome("SELECT volumes FROM device_snapshot LIMIT 1")).toBe("42501");
    expect(await outcome("SELECT * FROM device_snapshot LIMIT 1")).toBe("42501");
    expect(await outcome("SELECT billable_status_name FROM device_snapshot LIMIT 1")).toBe("42501");
    expect(await outcome("SELECT variance_status FROM exceptions LIMIT 1")).toBe("42501");
    expect(await outcome("SELECT first_seen_date FROM device_identity LIMIT 1")).toBe("42501");
    expect(await outcome("SELECT count(*) FROM daily_counts")).toBe("42501");
  });

  it("grants the listed columns a database has, and takes back the ones it no longer lists", async () => {
    await database.pool.query("ALTER TABLE device_snapshot RENAME COLUMN has_tpm TO has_tpm_before");
    await database.pool.query(`GRANT SELECT (volumes) ON device_snapshot TO ${role}`);
    try {
      // An optional column gone: granting skips it instead of failing, and REVOKE ALL clears stale column grants.
      await withClient(database.ownerUrl, (client) => grantLeastPrivilege(client, role));
      expect(await outcome("SELECT volumes FROM device_snapshot LIMIT 1")).toBe("42501");
      expect(await outcome("SELECT hostname FROM device_snapshot LIMIT 1")).toBe("ok");
    } finally {
      await database.pool.query("ALTER TABLE device_snapshot RENAME COLUMN has_tpm_before TO has_tpm");
      await withClient(database.ownerUrl, (client) => grantLeastPrivilege(client, role));
    }
    expect(await outcome("SELECT has_tpm FROM device_snapshot LIMIT 1")).toBe("ok");
  });

  it("keeps the audit log append-only: inserts work, updates and deletes fail", async () => {
    expect(
      await outcome(
        "INSERT INTO variance_dashboard.audit_events (actor_email, action, subject_type, subject_id) VALUES ('t', 'test', 'test', '1')",
      ),
    ).toBe("ok");
    expect(await outcome("SELECT count(*) FROM variance_dashboard.audit_events")).toBe("ok");
    expect(await outcome("UPDATE variance_dashboard.audit_events SET action = 'forged'")).toBe("42501");
    expect(await outcome("DELETE FROM variance_dashboard.audit_events")).toBe("42501");
    expect(await outcome("TRUNCATE variance_dashboard.audit_events")).toBe("42501");
  });

  it("writes the dashboard's other tables but cannot change their structure", async () => {
    expect(await outcome("UPDATE variance_dashboard.users SET updated_at = now() WHERE false")).toBe("ok");
    expect(await outcome("DELETE FROM variance_dashboard.saved_views WHERE false")).toBe("ok");
    expect(await outcome("ALTER TABLE variance_dashboard.users ADD COLUMN sneaky int")).toBe("42501");
    expect(await outcome("CREATE TABLE variance_dashboard.intruder (id int)")).toBe("42501");
    expect(await outcome("DELETE FROM variance_dashboard.schema_migrations")).toBe("42501");
  });

  it("starts without migrating when the schema is up to date, and names the fix when it is not", async () => {
    expect(await migrateDashboardSchema(appUrl)).toEqual([]);
    await database.pool.query("DELETE FROM variance_dashboard.schema_migrations WHERE name = '0004_sso_and_sessions'");
    try {
      await expect(migrateDashboardSchema(appUrl)).rejects.toThrow(MigrationsPendingError);
      await expect(migrateDashboardSchema(appUrl)).rejects.toThrow(/0004_sso_and_sessions.*MIGRATION_DATABASE_URL/);
    } finally {
      await database.pool.query(
        "INSERT INTO variance_dashboard.schema_migrations (name, run_on) VALUES ('0004_sso_and_sessions', now())",
      );
    }
  });

  it("warns at start-up about a superuser connection, not about the app role", async () => {
    expect(await preflightDatabase(database.ownerUrl)).toEqual([expect.stringMatching(/superuser/)]);
    expect(await preflightDatabase(appUrl)).toEqual([]);
  });

  it("is created and granted by `npm run db:grant`, which is safe to run again", async () => {
    const first = await runScript("scripts/db-grant.ts", { DATABASE_URL: database.ownerUrl }, ["--role", scriptRole]);
    expect(first.code).toBe(0);
    const printed = /password (\S+) \(shown once/.exec(first.stdout)?.[1];
    expect(printed).toBeTruthy();
    const again = await runScript("scripts/db-grant.ts", { DATABASE_URL: database.ownerUrl }, ["--role", scriptRole]);
    expect(again.stdout).toMatch(/exists; its password is unchanged/);
    const client = new pg.Client(connectionConfig(asRole(database.ownerUrl, scriptRole, printed!)));
    await client.connect();
    try {
      await expect(client.query("UPDATE variance_dashboard.audit_events SET action = 'x'")).rejects.toMatchObject({
        code: "42501",
      });
    } finally {
      await client.end();
    }
  });
});
