import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/prisma";
import { matchingVariances } from "@/lib/variances/matching-variances";
import { getQueue } from "@/lib/variances/queue";
import { parseQueueFilters } from "@/lib/variances/queue-filters";
import { demoDatabaseFixture } from "../helpers/demo-fixture";
import type { TestDatabase } from "../helpers/test-database";
import type { TriageActors } from "../helpers/variance-fixtures";

describe("select all matching this filter", () => {
  const fixture = demoDatabaseFixture();
  let database: TestDatabase;
  let db: Database;
  let actors: TriageActors;
  beforeAll(async () => {
    ({ database, db, actors } = fixture);
  });

  it("returns every variance of every page of the queue for the filter", async () => {
    const query = "?status=all&date=2026-10-13";
    const ids = await matchingVariances(db, actors.technician, query);
    const queue = await getQueue(db, actors.technician, parseQueueFilters({ status: "all", date: "2026-10-13" }));
    expect(queue.pageCount).toBeGreaterThan(1);
    expect(ids).toHaveLength(queue.total);
    expect(ids.slice(0, queue.items.length)).toEqual(queue.items.map(({ type, key }) => ({ type, key })));
  });

  it("refuses managers, and anything that is not a query string", async () => {
    await expect(matchingVariances(db, actors.manager, "?type=SPARE_MISMATCH")).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(matchingVariances(db, actors.technician, { type: "SPARE_MISMATCH" })).rejects.toMatchObject({
      code: "invalid",
    });
  });

  it("refuses more than the bulk cap, stating the count", async () => {
    // Over a thousand variances on one report: a naming drift across a whole fleet.
    await database.pool.query(`
      INSERT INTO exceptions (date_found, type, hostname, details, resolved)
      SELECT (SELECT max(date_found) FROM exceptions), 'DISPLAY_NAME_MISMATCH', 'drift-' || n, '{}'::jsonb, false
      FROM generate_series(1, 1001) n`);
    await expect(matchingVariances(db, actors.technician, "?type=DISPLAY_NAME_MISMATCH")).rejects.toThrow(
      /^1,0\d\d variances match this filter; bulk actions take at most 1,000/,
    );
  });
});
