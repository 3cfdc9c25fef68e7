import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "@/lib/calendar-date";
import { createPrismaClient, type Database } from "@/lib/db/prisma";
import { generateDemoData } from "@/lib/demo/generate";
import { devicesOn, vendorDayCounts } from "@/lib/inventory/vendor-day-counts";
import { DEVICE_VENDOR_NAMES } from "@/lib/inventory/vendors";
import { collectionFailures } from "@/lib/report-date/collection-failures";
import { getReportStatus } from "@/lib/report-date/report-status";
import {
  createDemoDatabase,
  createUpstreamDatabase,
  DEMO_END_DATE,
  migrateTestDatabase,
  type TestDatabase,
} from "../helpers/test-database";

/** Independent SQL for the same figures the overview shows. */
async function figuresBySql(database: TestDatabase) {
  const one = async <T>(text: string, values: unknown[] = []) => (await database.pool.query(text, values)).rows as T[];
  const [latest] = await one<{ date: string }>(`
    SELECT s.snapshot_date::text AS date FROM device_snapshot s JOIN vendor v ON v.id = s.vendor_id
    WHERE v.name IN ('Ninja', 'ThreatLocker') GROUP BY s.snapshot_date
    HAVING count(DISTINCT v.name) = 2 ORDER BY s.snapshot_date DESC LIMIT 1`);
  const date = latest!.date;
  const devices = await one<{ name: string; n: number }>(
    `SELECT v.name, count(*)::int AS n FROM device_snapshot s JOIN vendor v ON v.id = s.vendor_id
     WHERE s.snapshot_date = $1 AND v.name IN ('Ninja', 'ThreatLocker') GROUP BY v.name`,
    [date],
  );
  return { date, devices: Object.fromEntries(devices.map((row) => [row.name, row.n])) };
}

async function expectOverviewMatchesSql(database: TestDatabase, db: Database, today: string) {
  const expected = await figuresBySql(database);
  const status = await getReportStatus(db, today);
  expect(status.latestMatchingDate).toBe(expected.date);
  expect(devicesOn(await vendorDayCounts(db, expected.date, expected.date), expected.date)).toEqual(expected.devices);
  return status;
}

describe("overview figures on the demo database", () => {
  let database: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    database = await createDemoDatabase();
    db = createPrismaClient(database.url);
  });
  afterAll(async () => {
    await db.$disconnect();
    await database.drop();
  });

  it("equal independent SQL counts", async () => {
    const status = await expectOverviewMatchesSql(database, db, DEMO_END_DATE);
    expect(status.freshness).toBe("current");
    expect(status.vendors.every((vendor) => vendor.latestDate === DEMO_END_DATE && !vendor.countDropped)).toBe(true);
  });

  it("turn stale as the clock moves on without new data", async () => {
    expect((await getReportStatus(db, "2026-12-01")).freshness).toBe("stale");
  });

  it("name each date a vendor has no rows while the other has as a failed collection", async () => {
    const { rows } = await database.pool.query<{ date: string }>(
      `
      SELECT d::date::text AS date FROM generate_series($1::date - 89, $1::date, '1 day') d
      WHERE NOT EXISTS (SELECT 1 FROM device_snapshot s JOIN vendor v ON v.id = s.vendor_id
                        WHERE s.snapshot_date = d::date AND v.name = 'ThreatLocker')`,
      [DEMO_END_DATE],
    );
    expect(rows.length).toBeGreaterThan(0);
    const failures = collectionFailures(
      await vendorDayCounts(db, addDays(DEMO_END_DATE, -89), DEMO_END_DATE),
      DEVICE_VENDOR_NAMES,
    );
    for (const { date } of rows)
      expect(failures).toContainEqual(
        expect.objectContaining({ date, vendor: "ThreatLocker", kind: "missing", devices: 0 }),
      );
  });

  it("warn when the newest collection of a vendor is missing or collapsed", async () => {
    // A collector deleting the newest date's ThreatLocker rows (mid-run or failed).
    await database.pool.query(
      `DELETE FROM device_snapshot WHERE snapshot_date = $1 AND vendor_id = (SELECT id FROM vendor WHERE name = 'ThreatLocker')`,
      [DEMO_END_DATE],
    );
    const status = await getReportStatus(db, DEMO_END_DATE);
    expect(status.latestMatchingDate).not.toBe(DEMO_END_DATE);
    expect(status.vendors.find((vendor) => vendor.vendor === "ThreatLocker")).toMatchObject({
      missingOnNewestDate: true,
    });
  });
});

describe("overview figures with ThreatLocker = 1, Ninja = 2 and no tracking columns", () => {
  let database: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    database = await createUpstreamDatabase({ vendorLayout: "rebuilt", trackingColumns: false });
    await generateDemoData(database.pool, {
      ninjaDevices: 120,
      threatlockerDevices: 70,
      organizations: 8,
      days: 20,
      endDate: DEMO_END_DATE,
    });
    // The banner reads the dashboard's device rollup, as it does wherever the app runs.
    await migrateTestDatabase(database);
    db = createPrismaClient(database.url);
  });
  afterAll(async () => {
    await db.$disconnect();
    await database.drop();
  });

  it("equal independent SQL counts (no vendor id is hard-coded)", async () => {
    const { rows } = await database.pool.query(
      "SELECT id, name FROM vendor WHERE name IN ('Ninja', 'ThreatLocker') ORDER BY id",
    );
    expect(rows).toEqual([
      { id: 1, name: "ThreatLocker" },
      { id: 2, name: "Ninja" },
    ]);
    await expectOverviewMatchesSql(database, db, DEMO_END_DATE);
  });
});
