import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkUpstreamCompatibility, formatCompatibilityReport } from "@/lib/db/schema-compatibility";
import { createEmptyDatabase, createUpstreamDatabase, type TestDatabase } from "../helpers/test-database";

const opened: TestDatabase[] = [];

async function upstreamWith(changes: string[], options: Parameters<typeof createUpstreamDatabase>[0] = { trackingColumns: false }) {
  const database = await createUpstreamDatabase(options);
  opened.push(database);
  for (const sql of changes) await database.pool.query(sql);
  return database;
}

afterAll(() => Promise.all(opened.map((database) => database.drop())));

describe("checkUpstreamCompatibility", () => {
  it("accepts the upstream DDL without the optional tracking columns", async () => {
    const report = await checkUpstreamCompatibility((await upstreamWith([])).pool);
    expect(report).toEqual({ ok: true, problems: [], extraColumns: [] });
    expect(formatCompatibilityReport(report)).toBe(
      'Schema "public" has every table and column the dashboard reads, with compatible types.',
    );
  });

  it("accepts the tracking columns as harmless extras", async () => {
    const report = await checkUpstreamCompatibility((await upstreamWith([], { trackingColumns: true })).pool);
    expect(report.ok).toBe(true);
    expect(report.extraColumns.map((extra) => `${extra.table}.${extra.column} ${extra.type}`)).toEqual([
      "exceptions.manually_updated_at timestamp(6)",
      "exceptions.manually_updated_by varchar(255)",
      "exceptions.update_type varchar(100)",
      "exceptions.old_value jsonb",
      "exceptions.new_value jsonb",
      "exceptions.variance_status varchar(50)",
    ]);
    expect(formatCompatibilityReport(report)).toContain("Extra columns the dashboard does not use (fine): exceptions.manually_updated_at,");
  });

  it("accepts the rebuilt vendor layout", async () => {
    const database = await upstreamWith([], { vendorLayout: "rebuilt", trackingColumns: true });
    expect((await checkUpstreamCompatibility(database.pool)).ok).toBe(true);
  });

  it("accepts tables built from the Python models: no server defaults, wider columns, hand-added columns", async () => {
    const database = await upstreamWith([
      "ALTER TABLE exceptions ALTER COLUMN date_found DROP DEFAULT, ALTER COLUMN details DROP DEFAULT, ALTER COLUMN resolved DROP DEFAULT",
      "ALTER TABLE vendor ALTER COLUMN name TYPE varchar",
      "ALTER TABLE device_snapshot ALTER COLUMN volumes TYPE text, ALTER COLUMN hostname TYPE text",
      "ALTER TABLE device_snapshot ALTER COLUMN memory_gib TYPE numeric(12, 3)",
      "ALTER TABLE device_snapshot ADD COLUMN bios_version varchar(100)",
    ]);
    const report = await checkUpstreamCompatibility(database.pool);
    expect(report.problems).toEqual([]);
    expect(report.extraColumns).toEqual([{ table: "device_snapshot", column: "bios_version", type: "varchar(100)" }]);
  });

  it("names exceptions.assigned_to when that column is missing", async () => {
    const database = await upstreamWith(["ALTER TABLE exceptions DROP COLUMN assigned_to"]);
    const report = await checkUpstreamCompatibility(database.pool);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      { table: "exceptions", column: "assigned_to", problem: "missing_column", expected: "varchar(255)" },
    ]);
    expect(formatCompatibilityReport(report)).toBe(
      [
        'Schema "public" lacks what the dashboard needs (1 problem(s)):',
        "  - exceptions.assigned_to: missing column (expected varchar(255))",
      ].join("\n"),
    );
  });

  it("reports a narrower or different type", async () => {
    const database = await upstreamWith([
      "ALTER TABLE exceptions ALTER COLUMN hostname TYPE varchar(100)",
      "ALTER TABLE job_runs ALTER COLUMN started_at TYPE timestamp without time zone",
      "ALTER TABLE exceptions ALTER COLUMN notes TYPE text USING array_to_string(notes, ',')",
    ]);
    const report = await checkUpstreamCompatibility(database.pool);
    expect(report.problems).toEqual([
      { table: "exceptions", column: "hostname", problem: "wrong_type", expected: "varchar(255)", actual: "varchar(100)" },
      { table: "exceptions", column: "notes", problem: "wrong_type", expected: "text[]", actual: "text" },
      { table: "job_runs", column: "started_at", problem: "wrong_type", expected: "timestamptz(6)", actual: "timestamp(6)" },
    ]);
    expect(formatCompatibilityReport(report)).toContain(
      "  - exceptions.hostname: wrong type (expected varchar(255), found varchar(100))",
    );
  });

  it("reports nullability that differs from the models", async () => {
    const database = await upstreamWith([
      "ALTER TABLE exceptions ALTER COLUMN hostname DROP NOT NULL",
      "ALTER TABLE exceptions ALTER COLUMN assigned_to SET NOT NULL",
    ]);
    expect((await checkUpstreamCompatibility(database.pool)).problems).toEqual([
      { table: "exceptions", column: "hostname", problem: "wrong_nullability", expected: "NOT NULL", actual: "NULL allowed" },
      { table: "exceptions", column: "assigned_to", problem: "wrong_nullability", expected: "NULL allowed", actual: "NOT NULL" },
    ]);
  });

  it("reports a missing table once, not each of its columns", async () => {
    const database = await upstreamWith(["DROP TABLE job_runs"]);
    const report = await checkUpstreamCompatibility(database.pool);
    expect(report.problems).toEqual([{ table: "job_runs", problem: "missing_table" }]);
    expect(formatCompatibilityReport(report)).toContain("  - job_runs: missing table");
  });

  describe("on a database without the upstream tables", () => {
    let empty: TestDatabase;
    beforeAll(async () => {
      empty = await createEmptyDatabase();
      opened.push(empty);
    });

    it("reports every upstream table missing", async () => {
      const report = await checkUpstreamCompatibility(empty.pool);
      expect(report.ok).toBe(false);
      expect(report.problems.map((problem) => problem.table).sort()).toEqual([
        "billing_status", "change_log", "daily_counts", "device_identity", "device_snapshot", "device_type",
        "exceptions", "job_batches", "job_runs", "month_end_counts", "site", "site_alias", "vendor",
      ]);
      expect(report.problems.every((problem) => problem.problem === "missing_table")).toBe(true);
    });
  });
});
