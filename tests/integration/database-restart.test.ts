import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectionConfig } from "@/lib/db/connection-config";
import { type EmbeddedCluster, freePort, startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { withClient } from "@/lib/db/with-client";
import { createUpstreamSchema } from "@/lib/demo/upstream-schema";

/**
 * A database server of its own, stopped and started under the app's process-wide client
 * (getPrisma) as an upgrade or failover would: nothing restarts the app.
 */
describe("the database restarting under a running app", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "vd-restart-pg-"));
  const password = randomBytes(12).toString("hex");
  let port: number;
  let cluster: EmbeddedCluster;
  const start = async () => {
    cluster = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), password, port });
  };

  beforeAll(async () => {
    chmodSync(dir, 0o755);
    port = await freePort();
    await start();
    await withClient(cluster.url(), (admin) => admin.query("CREATE DATABASE es_inventory_hub"));
    const pool = new pg.Pool(connectionConfig(cluster.url("es_inventory_hub")));
    await createUpstreamSchema(pool);
    await pool.end();
    process.env.DATABASE_URL = cluster.url("es_inventory_hub");
    process.env.VD_DB_STATEMENT_TIMEOUT_MS = "3000";
    process.env.VD_DB_CONNECT_TIMEOUT_MS = "1000";
  });
  afterAll(async () => {
    const { getPrisma } = await import("@/lib/db/prisma");
    await getPrisma().$disconnect();
    await cluster.stop().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  });

  const health = async () => (await (await import("@/app/api/health/route")).GET()).status;
  const timed = async <T>(work: () => Promise<T>) => {
    const started = Date.now();
    const outcome = await work().then(
      () => "ok",
      () => "failed",
    );
    return { outcome, ms: Date.now() - started };
  };

  it("fails requests in flight and while down quickly, answers 503, and recovers within 5 s of the database returning", async () => {
    const { getPrisma } = await import("@/lib/db/prisma");
    const db = getPrisma();
    expect(await health()).toBe(200);

    // A request in flight when the server goes down fails; it does not hang.
    const inFlight = timed(() => db.$queryRaw`SELECT 1 AS one FROM pg_sleep(2)`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await cluster.stop();
    const cutOff = await inFlight;
    expect(cutOff.outcome).toBe("failed");
    expect(cutOff.ms).toBeLessThan(5_000);

    // While it is down, every request fails within the connect timeout, and health says 503.
    const whileDown = await timed(() => db.$queryRaw`SELECT 1 AS one`);
    expect(whileDown).toMatchObject({ outcome: "failed" });
    expect(whileDown.ms).toBeLessThan(3_000);
    expect(await health()).toBe(503);

    // Back up: the same client finds it again on its own.
    await start();
    const returned = Date.now();
    while ((await health()) !== 200) {
      expect(Date.now() - returned, "recovered within 5 s").toBeLessThan(5_000);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const after = await Promise.all(Array.from({ length: 20 }, () => timed(() => db.$queryRaw`SELECT 1 AS one`)));
    expect(after.map((result) => result.outcome)).toEqual(Array(20).fill("ok"));
  });
});
