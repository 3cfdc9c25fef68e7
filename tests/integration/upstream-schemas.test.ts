import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { preflightDatabase, StartupRefusedError } from "@/lib/db/preflight";
import { createPrismaClient, type Database } from "@/lib/db/prisma";
import { checkUpstreamCompatibility } from "@/lib/db/schema-compatibility";
import { withClient } from "@/lib/db/with-client";
import { getDeviceDetail, HARDWARE_COLUMNS } from "@/lib/devices/device-detail";
import { runDbCheck } from "@/lib/health/db-check";
import { organizationNameCounts } from "@/lib/organizations/organization-devices";
import { resolveVariance } from "@/lib/variances/commands/resolve-variance";
import { getVarianceDetail } from "@/lib/variances/variance-detail";
import { createDemoDatabase, DEMO_END_DATE, migrateTestDatabase, type TestDatabase } from "../helpers/test-database";
import { MINIMAL_MISSING_OPTIONAL, rebuildUpstreamAs, type UpstreamVariant } from "../helpers/upstream-schema-variants";
import { createTriageActors, type TriageActors, variancesOn } from "../helpers/variance-fixtures";

/*
 * Compatibility by use: the dashboard starts and works on any upstream schema the references
 * allow — the access guide's columns only (minimal) or every column the reference names
 * (maximal), both written by hand in tests/upstream-schemas/ — and still refuses, by name, one
 * that lacks a column it reads. The pages themselves are requested on both in
 * tests/e2e/upstream-schemas.spec.ts.
 */

const TODAY = DEMO_END_DATE;
const opened: TestDatabase[] = [];
const clients: Database[] = [];
afterAll(async () => {
  await Promise.all(clients.map((db) => db.$disconnect()));
  await Promise.all(opened.map((database) => database.drop()));
});

async function demoAs(variant: UpstreamVariant | "demo") {
  const database = await createDemoDatabase();
  opened.push(database);
  if (variant !== "demo") {
    await withClient(database.ownerUrl, (client) => rebuildUpstreamAs(client, variant));
    // The new tables need the app role's grants (when the suite runs as it).
    await migrateTestDatabase(database);
  }
  const db = createPrismaClient(database.url);
  clients.push(db);
  return { database, db };
}

/** A Ninja device of the demo, billed as spare outside ES Spare, with a variance: the richest device page. */
async function spareDevice(database: TestDatabase): Promise<string> {
  const [variance] = await variancesOn(database.pool, TODAY, "SPARE_MISMATCH");
  return variance!.key;
}

describe.each(["minimal", "maximal"] as const)("on the %s upstream schema", (variant) => {
  let database: TestDatabase;
  let db: Database;
  let actors: TriageActors;
  let reference: { database: TestDatabase; db: Database };
  beforeAll(async () => {
    ({ database, db } = await demoAs(variant));
    reference = await demoAs("demo");
    actors = await createTriageActors(db);
  });

  it("passes start-up's check and db:check, which names the optional columns it lacks", async () => {
    const report = await checkUpstreamCompatibility(database.pool);
    expect(report.problems).toEqual([]);
    const missing = report.missingOptional.map(({ table, column }) => `${table}.${column}`);
    expect(missing).toEqual(variant === "minimal" ? MINIMAL_MISSING_OPTIONAL : []);
    await expect(preflightDatabase(database.url)).resolves.toBeDefined();
    const check = await runDbCheck(database.url);
    expect(check.ok).toBe(true);
    const optionalLine = check.lines
      .join("\n")
      .split("\n")
      .find((line) => line.startsWith("Optional columns not present"));
    if (variant === "minimal")
      expect(optionalLine).toBe(
        `Optional columns not present (the pages show "not collected" for them): ${MINIMAL_MISSING_OPTIONAL.join(", ")}`,
      );
    else expect(optionalLine).toBeUndefined();
    expect(check.lines.join("\n")).toMatch(/^Latest matching date: 2026-11-24 /m);
  });

  it("shows the device page, hardware 'not collected' where the columns are absent, location from the Ninja site", async () => {
    const key = await spareDevice(database);
    const detail = (await getDeviceDetail(db, actors.technician, key, TODAY))!;
    const expected = (await getDeviceDetail(reference.db, actors.technician, key, TODAY))!;
    expect(detail.notCollected).toEqual(variant === "minimal" ? [...HARDWARE_COLUMNS] : []);
    const ninja = (detail: typeof expected) => detail.vendors.find((vendor) => vendor.vendor === "Ninja")!.rows[0]!;
    // The demo's location_name is its site's name, so both ways of reading it agree.
    expect(ninja(detail).location).toBe(ninja(expected).location);
    expect(ninja(detail).location).toBeTruthy();
    if (variant === "minimal") expect(ninja(detail).hasTpm).toBeNull();
    else expect(ninja(detail).hasTpm).toBe(ninja(expected).hasTpm);
    expect(detail.variances.map((view) => view.type)).toEqual(expected.variances.map((view) => view.type));
  });

  it("finds spares outside ES Spare as the demo database does, and shows a variance's devices", async () => {
    const counts = async (db: Database) =>
      (await organizationNameCounts(db, TODAY)).sort(
        (a, b) => a.vendor.localeCompare(b.vendor) || a.name.localeCompare(b.name),
      );
    const spares = await counts(db);
    expect(spares).toEqual(await counts(reference.db));
    expect(spares.some((row) => row.spareLicensed > 0)).toBe(true);
    const key = await spareDevice(database);
    const detail = (await getVarianceDetail(db, actors.technician, { type: "SPARE_MISMATCH", key }, TODAY))!;
    const expected = (await getVarianceDetail(
      reference.db,
      actors.technician,
      { type: "SPARE_MISMATCH", key },
      TODAY,
    ))!;
    expect(detail.devices).toEqual(expected.devices);
    expect(detail.devices.find((device) => device.vendor === "Ninja")?.billingStatus).toBe("spare");
  });

  it("writes a resolution through to the exception rows", async () => {
    const key = await spareDevice(database);
    const result = await resolveVariance(db, actors.technician, {
      type: "SPARE_MISMATCH",
      key,
      expectedVersion: 0,
      note: "license removed",
    });
    expect(result.exceptionRows).toBeGreaterThan(0);
    const { rows } = await database.pool.query(
      "SELECT resolved, resolved_by FROM exceptions WHERE type = 'SPARE_MISMATCH' AND lower(split_part(split_part(hostname, '|', 1), '.', 1)) = $1 AND date_found = '2026-11-24'",
      [key],
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.resolved && row.resolved_by === "tess@example.com")).toBe(true);
  });
});

describe("a schema missing what the dashboard reads", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    ({ database } = await demoAs("minimal"));
  });

  it("is refused at start-up, naming the missing column and table", async () => {
    await database.pool.query("ALTER TABLE device_snapshot DROP COLUMN organization_name");
    await database.pool.query("DROP TABLE job_runs");
    await database.pool.query("ALTER TABLE exceptions ALTER COLUMN resolved_by TYPE varchar(100)");
    const refusal = preflightDatabase(database.url);
    await expect(refusal).rejects.toThrow(StartupRefusedError);
    await expect(refusal).rejects.toThrow(
      [
        'Schema "public" lacks what the dashboard needs (3 problem(s)):',
        "  - device_snapshot.organization_name: missing column (expected varchar or text)",
        "  - exceptions.resolved_by: wrong type (expected varchar(255+) or text, found varchar(100))",
        "  - job_runs: missing table",
      ].join("\n"),
    );
    expect(await runDbCheck(database.url)).toMatchObject({
      ok: false,
      cause: "Schema not compatible (3 problem(s), first: device_snapshot.organization_name: missing column).",
    });
  });
});
