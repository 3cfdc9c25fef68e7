import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/access/roles";
import { createLocalUser } from "@/lib/auth/users";
import { createPrismaClient, type Database } from "@/lib/db/prisma";
import { canonicalHostnameKey } from "@/lib/inventory/hostname-key";
import { countQueues, getQueue, getQueueVariances, queuePlace } from "@/lib/variances/queue";
import { parseQueueFilters } from "@/lib/variances/queue-filters";
import { createDemoDatabase, DEMO_END_DATE, type TestDatabase } from "../helpers/test-database";

describe("the variance queue on the demo data", () => {
  let database: TestDatabase;
  let db: Database;
  let actor: Actor;
  const today = DEMO_END_DATE;

  beforeAll(async () => {
    database = await createDemoDatabase();
    db = createPrismaClient(database.url);
    const user = await createLocalUser(
      db,
      { email: "queue@example.com", name: "Quinn", role: "technician", password: "a long enough password" },
      "test",
    );
    actor = { id: user.id, email: user.email, name: "Quinn", role: "technician" };
  });
  afterAll(async () => {
    await db.$disconnect();
    await database.drop();
  });

  const sql = async <T>(text: string, values: unknown[] = []) => (await database.pool.query(text, values)).rows as T[];

  it("computes the variance key in SQL exactly as canonicalHostnameKey does", async () => {
    const rows = await sql<{ hostname: string; key: string }>(
      "SELECT DISTINCT hostname, lower(split_part(split_part(hostname, '|', 1), '.', 1)) AS key FROM exceptions",
    );
    expect(rows.length).toBeGreaterThan(100);
    for (const row of rows) expect(row.key).toBe(canonicalHostnameKey(row.hostname));
  });

  it("lists one open variance per (type, key) of the latest report by default, with counts per type", async () => {
    const expected = await sql<{ type: string; count: number }>(
      `SELECT type, count(DISTINCT lower(split_part(split_part(hostname, '|', 1), '.', 1)))::int AS count
       FROM exceptions WHERE date_found = $1 GROUP BY type ORDER BY type`,
      [DEMO_END_DATE],
    );
    const queue = await getQueue(db, actor, parseQueueFilters({}), today);
    expect(queue.reportDate).toBe(DEMO_END_DATE);
    expect(
      queue.typeCounts.map(({ type, count }) => ({ type, count })).sort((a, b) => a.type.localeCompare(b.type)),
    ).toEqual(expected);
    expect(queue.total).toBe(expected.reduce((sum, row) => sum + row.count, 0));
    expect(queue.items.length).toBe(Math.min(50, queue.total));
    expect(queue.items.every((item) => item.lifecycle.status === "open")).toBe(true);
    // Sorted by days open, longest first.
    const days = queue.items.map((item) => item.daysOpen);
    expect(days).toEqual([...days].sort((a, b) => b - a));
  });

  it("filters by type, organisation and hostname, and pages on the server", async () => {
    const spare = await getQueue(db, actor, parseQueueFilters({ type: "SPARE_MISMATCH" }), today);
    expect(spare.items.length).toBeGreaterThan(0);
    expect(spare.items.every((item) => item.type === "SPARE_MISMATCH")).toBe(true);

    const first = spare.items[0]!;
    const byOrg = await getQueue(db, actor, parseQueueFilters({ org: first.organization }), today);
    expect(byOrg.items.every((item) => item.organization === first.organization)).toBe(true);
    expect(byOrg.items.map((item) => item.key)).toContain(first.key);

    const prefix = first.hostname.slice(0, 4).toLowerCase();
    const byPrefix = await getQueue(db, actor, parseQueueFilters({ q: prefix.toUpperCase(), match: "prefix" }), today);
    expect(byPrefix.items.length).toBeGreaterThan(0);
    expect(
      byPrefix.items.every((item) => item.hostname.toLowerCase().startsWith(prefix) || item.key.startsWith(prefix)),
    ).toBe(true);

    const all = await getQueue(db, actor, parseQueueFilters({ status: "all", date: "2026-10-14" }), today);
    expect(all.reportDate).toBe("2026-10-14");
    expect(all.pageCount).toBeGreaterThan(1);
    const page2 = await getQueue(db, actor, parseQueueFilters({ status: "all", date: "2026-10-14", page: "2" }), today);
    expect(page2.page).toBe(2);
    expect(page2.items.map((item) => item.key)).not.toEqual(all.items.map((item) => item.key));
  });

  it("shows cleared variances: seen recently, gone from the latest report, nobody resolved them", async () => {
    const cleared = await getQueue(db, actor, parseQueueFilters({ status: "cleared" }), today);
    const [expected] = await sql<{ count: number }>(
      `WITH v AS (SELECT type, lower(split_part(split_part(hostname, '|', 1), '.', 1)) AS key, max(date_found) AS last_seen
                  FROM exceptions WHERE date_found <= $1 GROUP BY 1, 2)
       SELECT count(*)::int AS count FROM v WHERE last_seen < $1 AND last_seen >= $1::date - 30`,
      [DEMO_END_DATE],
    );
    expect(cleared.total).toBe(expected!.count);
  });

  it("counts several filter sets as the queue lists them, pinned dates included", async () => {
    const sets = [{}, { type: "SPARE_MISMATCH" }, { assignee: "unassigned", status: "all" }, { q: "zz-none" }];
    const earlier = (await getQueue(db, actor, parseQueueFilters({}), today)).reportDates[3]!;
    const filterSets = [...sets, { date: earlier }].map((params) => parseQueueFilters(params));
    const counts = await countQueues(db, actor, filterSets, today);
    const totals = await Promise.all(
      filterSets.map(async (filters) => (await getQueue(db, actor, filters, today)).total),
    );
    expect(counts).toEqual(totals);
    expect(counts[0]).toBeGreaterThan(counts[1]!);
    expect(counts[3]).toBe(0);
  });

  it("places a variance in its filtered list with its neighbours, and not in a list that leaves it out", async () => {
    const filters = parseQueueFilters({ type: "DISPLAY_NAME_MISMATCH", sort: "hostname" });
    const { items } = await getQueueVariances(db, actor, filters, today);
    expect(items.length).toBeGreaterThan(2);
    const id = ({ type, key }: { type: string; key: string }) => ({ type, key });
    expect(await queuePlace(db, actor, filters, id(items[1]!), today)).toEqual({
      position: 2,
      total: items.length,
      previous: id(items[0]!),
      next: id(items[2]!),
    });
    const last = await queuePlace(db, actor, filters, id(items.at(-1)!), today);
    expect(last).toMatchObject({ position: items.length, next: null });
    expect(await queuePlace(db, actor, parseQueueFilters({ type: "SPARE_MISMATCH" }), id(items[0]!), today)).toBeNull();
  });

  it("ignores hand-edited URL values instead of failing", () => {
    expect(
      parseQueueFilters({ status: "nonsense", page: "-3", minDays: "abc", date: "2026-02-30", assignee: "someone" }),
    ).toMatchObject({
      status: "open",
      page: 1,
      minDays: undefined,
      date: undefined,
      assignee: "anyone",
    });
  });
});
