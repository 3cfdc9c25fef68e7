import { describe, expect, it } from "vitest";
import { poolSettings } from "@/lib/db/pool-settings";
import { createPrismaClient } from "@/lib/db/prisma";
import { demoDatabaseFixture } from "../helpers/demo-fixture";

describe("database timeouts and pool bound", () => {
  const fixture = demoDatabaseFixture();

  it("cancels a statement that runs longer than the statement timeout", async () => {
    const db = createPrismaClient(fixture.database.url, {
      ...poolSettings({}),
      max: 2,
      statementTimeoutMs: 300,
      connectionTimeoutMs: 2_000,
    });
    try {
      const started = Date.now();
      await expect(db.$queryRaw`SELECT pg_sleep(5)`).rejects.toThrow(/statement timeout/);
      expect(Date.now() - started).toBeLessThan(3_000);
      // The connection is fine afterwards: the next query answers.
      expect(await db.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
    } finally {
      await db.$disconnect();
    }
  });

  it("never opens more connections than the pool allows, however many queries wait", async () => {
    const db = createPrismaClient(fixture.database.url, {
      ...poolSettings({}),
      max: 3,
      statementTimeoutMs: 10_000,
      connectionTimeoutMs: 10_000,
    });
    const database = fixture.database.name;
    try {
      let running = true;
      let peak = 0;
      const watch = (async () => {
        while (running) {
          const { rows } = await fixture.database.pool.query(
            "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND query LIKE '%pg_sleep(0.3)%' AND pid <> pg_backend_pid()",
            [database],
          );
          peak = Math.max(peak, rows[0].n);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      })();
      await Promise.all(Array.from({ length: 12 }, () => db.$queryRaw`SELECT 1 AS one FROM pg_sleep(0.3)`));
      running = false;
      await watch;
      expect(peak).toBeGreaterThan(0);
      expect(peak).toBeLessThanOrEqual(3);
    } finally {
      await db.$disconnect();
    }
  });
});
