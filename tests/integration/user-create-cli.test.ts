import { execFile } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUpstreamDatabase, migrateTestDatabase, type TestDatabase } from "../helpers/test-database";

/** `npm run user:create -- …` as an operator runs it, with the password piped on stdin. */
function userCreate(args: string[], password: string, databaseUrl: string) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(
      process.execPath,
      ["--import", "tsx", "scripts/user-create.ts", ...args],
      { env: { ...process.env, DATABASE_URL: databaseUrl }, timeout: 60_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin!.end(`${password}\n`);
  });
}

describe("npm run user:create", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createUpstreamDatabase();
    await migrateTestDatabase(database);
  });
  afterAll(() => database.drop());

  it("creates the first admin from a piped password, audited", async () => {
    const result = await userCreate(
      ["--email", "First.Admin@example.com", "--role", "admin"],
      "a long enough password",
      database.url,
    );
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("Created admin account first.admin@example.com.");
    const { rows } = await database.pool.query(
      "SELECT email, role, password_hash LIKE '$argon2id$%' AS hashed FROM variance_dashboard.users",
    );
    expect(rows).toEqual([{ email: "first.admin@example.com", role: "admin", hashed: true }]);
    const { rows: events } = await database.pool.query(
      "SELECT action, actor_email FROM variance_dashboard.audit_events",
    );
    expect(events).toEqual([{ action: "user.create", actor_email: "system (npm run user:create)" }]);
  });

  it("refuses an unknown role, a short password and a duplicate email, creating nothing", async () => {
    const badRole = await userCreate(
      ["--email", "x@example.com", "--role", "owner"],
      "a long enough password",
      database.url,
    );
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toMatch(/role/);
    const shortPassword = await userCreate(["--email", "y@example.com", "--role", "technician"], "short", database.url);
    expect(shortPassword.stderr).toMatch(/at least 12 characters/);
    const duplicate = await userCreate(
      ["--email", "first.admin@example.com", "--role", "technician"],
      "a long enough password",
      database.url,
    );
    expect(duplicate.stderr).toMatch(/already exists/);
    const { rows } = await database.pool.query("SELECT count(*)::int AS n FROM variance_dashboard.users");
    expect(rows[0].n).toBe(1);
  });
});
