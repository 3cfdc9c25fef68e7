import { describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/prisma";
import { bulkResolveVariances } from "@/lib/variances/commands/bulk-resolve-variances";
import { demoDatabaseFixture } from "../helpers/demo-fixture";
import { DEMO_END_DATE } from "../helpers/test-database";
import { databaseChecksum, rowIdsOf, variancesOn } from "../helpers/variance-fixtures";

/**
 * A server stopped (or killed) during a bulk action loses its database connection, and
 * PostgreSQL rolls back what was in flight: the bulk change lands whole or not at all.
 */
describe("a bulk action cut off half-way", () => {
  const fixture = demoDatabaseFixture();

  it("leaves no trace when its connection dies after writing part of the selection", async () => {
    const pool = fixture.database.pool;
    const selection = (await variancesOn(pool, DEMO_END_DATE)).slice(0, 20);
    const last = selection.at(-1)!;
    const before = await databaseChecksum(pool);

    // Another session holds the last variance's exception rows, so the bulk transaction
    // writes the first nineteen and then waits, mid-way, on the twentieth.
    const blocker = await pool.connect();
    await blocker.query("BEGIN");
    await blocker.query("SELECT id FROM exceptions WHERE id = ANY($1::bigint[]) FOR UPDATE", [
      await rowIdsOf(pool, last, DEMO_END_DATE),
    ]);

    const doomed = createPrismaClient(fixture.database.url);
    const bulk = bulkResolveVariances(doomed, fixture.actors.technician, {
      variances: selection,
      note: "Cleaned up in bulk.",
    }).then(
      () => "committed",
      () => "failed",
    );
    try {
      let waiting: number | undefined;
      for (let attempt = 0; attempt < 200 && waiting === undefined; attempt++) {
        const { rows } = await pool.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%UPDATE exceptions%'`,
        );
        waiting = rows[0]?.pid;
        if (waiting === undefined) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(waiting, "the bulk transaction reached the twentieth variance").toBeDefined();
      // Its own uncommitted writes are there, invisible to everyone else; now the process "dies".
      await pool.query("SELECT pg_terminate_backend($1)", [waiting]);
      expect(await bulk).toBe("failed");
    } finally {
      await blocker.query("ROLLBACK");
      blocker.release();
      await doomed.$disconnect().catch(() => {});
    }
    expect(await databaseChecksum(pool)).toBe(before);
  });
});
