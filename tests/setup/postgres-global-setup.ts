import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { escapeLiteral } from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { ensureLoginRole } from "@/lib/db/least-privilege";
import { withClient } from "@/lib/db/with-client";

declare module "vitest" {
  export interface ProvidedContext {
    /** A superuser connection string; each test file creates its own databases from it. */
    adminUrl: string;
    /**
     * With TEST_AS_APP_ROLE=1, the least-privilege login role the code under test connects
     * as (fixtures and assertions stay with the owner); otherwise null.
     */
    appRole: { name: string; password: string } | null;
  }
}

/**
 * One real PostgreSQL per test run: TEST_DATABASE_URL when given (a superuser URL on a
 * disposable server), otherwise an embedded PostgreSQL 16 in a temporary folder.
 */
export default async function setup(project: TestProject) {
  let adminUrl = process.env.TEST_DATABASE_URL;
  let teardown = async () => {};
  if (!adminUrl) {
    const dir = mkdtempSync(path.join(tmpdir(), "vd-test-pg-"));
    // PostgreSQL runs as the unprivileged "postgres" user, which must be able to enter it.
    chmodSync(dir, 0o755);
    const cluster = await startEmbeddedPostgres({
      dataDir: path.join(dir, "data"),
      password: randomBytes(12).toString("hex"),
    });
    adminUrl = cluster.url();
    teardown = async () => {
      await cluster.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  const serverTimeZone = process.env.TEST_SERVER_TIMEZONE;
  if (serverTimeZone) {
    // The server's default zone for every connection that does not ask for UTC (set for the
    // app-role pass, see package.json), reset afterwards on a long-lived TEST_DATABASE_URL server.
    await setServerTimeZone(adminUrl, serverTimeZone);
    const stop = teardown;
    const url = adminUrl;
    teardown = async () => {
      await setServerTimeZone(url, null);
      await stop();
    };
  }
  project.provide("adminUrl", adminUrl);
  const appRole =
    process.env.TEST_AS_APP_ROLE === "1" ? { name: "vd_test_app", password: randomBytes(12).toString("hex") } : null;
  if (appRole) {
    await withClient(adminUrl, async (client) => {
      // A role outlives a run on a long-lived TEST_DATABASE_URL server; give it this run's password.
      if (!(await ensureLoginRole(client, appRole.name, appRole.password)))
        await client.query(`ALTER ROLE ${appRole.name} PASSWORD '${appRole.password}'`);
    });
  }
  project.provide("appRole", appRole);
  return teardown;
}

/** Sets (or, with null, resets) the server-wide default TimeZone and reloads the configuration. */
function setServerTimeZone(adminUrl: string, zone: string | null) {
  return withClient(adminUrl, async (client) => {
    await client.query(zone ? `ALTER SYSTEM SET timezone = ${escapeLiteral(zone)}` : "ALTER SYSTEM RESET timezone");
    await client.query("SELECT pg_reload_conf()");
  });
}
