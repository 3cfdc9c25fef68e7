import { describe, expect, it } from "vitest";
import { type PoolSettings, poolSettings } from "@/lib/db/pool-settings";
import { createPrismaClient, type Database } from "@/lib/db/prisma";
import { inTransaction } from "@/lib/db/transaction";
import { addVarianceNote } from "@/lib/variances/commands/add-variance-note";
import { bulkResolveVariances } from "@/lib/variances/commands/bulk-resolve-variances";
import { resolveVariance } from "@/lib/variances/commands/resolve-variance";
import { demoDatabaseFixture } from "../helpers/demo-fixture";
import { DEMO_END_DATE } from "../helpers/test-database";
import { expectRefusedUnchanged, variancesOn } from "../helpers/variance-fixtures";

const BUSY = /^The database is busy — try again in a moment\.$/;

describe("a database too busy to serve a command in time", () => {
  const fixture = demoDatabaseFixture();

  /** A one-connection client whose only connection is held by a transaction until `release`. */
  async function withPoolHeld(settings: Partial<PoolSettings>, work: (db: Database) => Promise<void>) {
    const db = createPrismaClient(fixture.database.url, { ...poolSettings({}), max: 1, ...settings });
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let holding = () => {};
    const held = new Promise<void>((resolve) => (holding = resolve));
    const holder = db.$transaction(
      async () => {
        holding();
        await released;
      },
      // Its own long wait: under load, the 300 ms wait under test could refuse the holder itself.
      { timeout: 60_000, maxWait: 60_000 },
    );
    try {
      await held;
      await work(db);
    } finally {
      release();
      await holder;
      await db.$disconnect();
    }
  }

  it("refuses a transaction that cannot start within the configured wait as busy", async () => {
    await withPoolHeld({ transactionWaitMs: 300, connectionTimeoutMs: 30_000 }, async (db) => {
      const started = Date.now();
      const refusal = await inTransaction(db, async (tx) => tx.$queryRaw`SELECT 1`).catch((error: unknown) => error);
      expect(refusal).toMatchObject({ name: "CommandError", code: "busy", message: expect.stringMatching(BUSY) });
      // The configured wait, not Prisma's 2 s default nor the pool's 30 s.
      expect(Date.now() - started).toBeLessThan(1_900);
    });
  });

  it("refuses triage commands as busy when no connection comes free, changing nothing", async () => {
    const [single, noted, ...bulk] = await variancesOn(fixture.database.pool, DEMO_END_DATE);
    const { technician } = fixture.actors;
    await withPoolHeld({ connectionTimeoutMs: 300 }, async (db) => {
      await expectRefusedUnchanged(
        fixture.database.pool,
        () => resolveVariance(db, technician, { ...single!, expectedVersion: 0, note: "fixed" }),
        "busy",
        BUSY,
      );
      await expectRefusedUnchanged(
        fixture.database.pool,
        () => addVarianceNote(db, technician, { ...noted!, text: "checked" }),
        "busy",
        BUSY,
      );
      await expectRefusedUnchanged(
        fixture.database.pool,
        () => bulkResolveVariances(db, technician, { variances: bulk.slice(0, 3), note: "fixed" }),
        "busy",
        BUSY,
      );
    });
    // Once the database has room again, the same command goes through.
    const result = await resolveVariance(fixture.db, technician, { ...single!, expectedVersion: 0, note: "fixed" });
    expect(result.triage.version).toBe(1);
  });
});
