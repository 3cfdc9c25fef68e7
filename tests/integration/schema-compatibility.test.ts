import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkUpstreamCompatibility, formatCompatibilityReport } from "@/lib/db/schema-compatibility";
import { UPSTREAM_READS } from "@/lib/db/upstream-reads";
import { createEmptyDatabase, createUpstreamDatabase, type TestDatabase } from "../helpers/test-database";

const opened: TestDatabase[] = [];

async function upstreamWith(
  changes: string[],
  options: Parameters<typeof createUpstreamDatabase>[0] = { trackingColumns: false },
) {
  const database = await createUpstreamDatabase(options);
  opened.push(database);
  for (const sql of changes) await database.pool.query(sql);
  return database;
}

afterAll(() => Promise.all(opened.map((database) => database.drop())));

describe("checkUpstreamCompatibility", () => {
  it("accepts the upstream DDL, with or without the optional tracking columns", async () => {
    for (const trackingColumns of [false, true]) {
      const report = await checkUpstreamCompatibility((await upstreamWith([], { trackingColumns })).pool);
      expect(report).toEqual({ ok: true, problems: [], missingOptional: [] });
      expect(formatCompatibilityReport(report)).toBe(
        'Schema "public" has every table and column the dashboard reads, with compatible types.',
      );
    }
  });

  it("accepts the rebuilt vendor layout", async () => {
    const database = await upstreamWith([], { vendorLayout: "rebuilt", trackingColumns: true });
    expect((await checkUpstreamCompatibility(database.pool)).ok).toBe(true);
  });

  it("ignores what the dashboard never reads: unused tables dropped or reshaped, unread columns changed", async () => {
    const database = await upstreamWith([
      "DROP TABLE daily_counts, month_end_counts, change_log, site_alias",
      "ALTER TABLE job_runs DROP COLUMN batch_id",
      "DROP TABLE job_batches",
      "ALTER TABLE device_snapshot DROP COLUMN volumes, DROP COLUMN device_type_name, DROP COLUMN billable_status_name, ALTER COLUMN install_date TYPE date",
      "ALTER TABLE billing_status ADD COLUMN name varchar(100)",
    ]);
    expect(await checkUpstreamCompatibility(database.pool)).toEqual({ ok: true, problems: [], missingOptional: [] });
  });

  it("accepts tables built from the Python models: no server defaults, wider columns, bigint ids", async () => {
    const database = await upstreamWith([
      "ALTER TABLE exceptions ALTER COLUMN date_found DROP DEFAULT, ALTER COLUMN details DROP DEFAULT, ALTER COLUMN resolved DROP DEFAULT",
      "ALTER TABLE vendor ALTER COLUMN name TYPE varchar",
      "ALTER TABLE device_snapshot ALTER COLUMN hostname TYPE text, ALTER COLUMN id TYPE bigint, ALTER COLUMN site_id TYPE bigint",
      "ALTER TABLE exceptions ALTER COLUMN resolved_by TYPE varchar(320)",
    ]);
    expect((await checkUpstreamCompatibility(database.pool)).problems).toEqual([]);
  });

  it("lists absent optional columns without refusing", async () => {
    const database = await upstreamWith(["ALTER TABLE device_snapshot DROP COLUMN has_tpm, DROP COLUMN location_name"]);
    const report = await checkUpstreamCompatibility(database.pool);
    expect(report.ok).toBe(true);
    expect(report.missingOptional).toEqual([
      { table: "device_snapshot", column: "location_name" },
      { table: "device_snapshot", column: "has_tpm" },
    ]);
    expect(formatCompatibilityReport(report)).toContain(
      'Optional columns not present (the pages show "not collected" for them): device_snapshot.location_name, device_snapshot.has_tpm',
    );
  });

  it("names exceptions.assigned_to when that column is missing", async () => {
    const database = await upstreamWith(["ALTER TABLE exceptions DROP COLUMN assigned_to"]);
    const report = await checkUpstreamCompatibility(database.pool);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      { table: "exceptions", column: "assigned_to", problem: "missing_column", expected: "varchar(255+) or text" },
    ]);
    expect(formatCompatibilityReport(report)).toBe(
      [
        'Schema "public" lacks what the dashboard needs (1 problem(s)):',
        "  - exceptions.assigned_to: missing column (expected varchar(255+) or text)",
      ].join("\n"),
    );
  });

  it("reports a type that does not serve: too narrow for what is written, or a different kind", async () => {
    const database = await upstreamWith([
      "ALTER TABLE exceptions ALTER COLUMN assigned_to TYPE varchar(100)",
      "ALTER TABLE job_runs ALTER COLUMN started_at TYPE timestamp without time zone",
      "ALTER TABLE exceptions ALTER COLUMN notes TYPE text USING array_to_string(notes, ',')",
      "ALTER TABLE device_snapshot ALTER COLUMN has_tpm TYPE text",
      "ALTER TABLE device_snapshot ALTER COLUMN deny_count_1d TYPE bigint",
    ]);
    const report = await checkUpstreamCompatibility(database.pool);
    expect(report.problems).toEqual([
      {
        table: "device_snapshot",
        column: "deny_count_1d",
        problem: "wrong_type",
        expected: "integer",
        actual: "bigint",
      },
      { table: "device_snapshot", column: "has_tpm", problem: "wrong_type", expected: "boolean", actual: "text" },
      {
        table: "exceptions",
        column: "assigned_to",
        problem: "wrong_type",
        expected: "varchar(255+) or text",
        actual: "varchar(100)",
      },
      { table: "exceptions", column: "notes", problem: "wrong_type", expected: "text[]", actual: "text" },
      {
        table: "job_runs",
        column: "started_at",
        problem: "wrong_type",
        expected: "timestamptz",
        actual: "timestamp(6)",
      },
    ]);
    expect(formatCompatibilityReport(report)).toContain(
      "  - exceptions.assigned_to: wrong type (expected varchar(255+) or text, found varchar(100))",
    );
  });

  it("reports NULL allowed where the code relies on a value, and NOT NULL where it writes NULL", async () => {
    const database = await upstreamWith([
      "ALTER TABLE exceptions ALTER COLUMN hostname DROP NOT NULL",
      "ALTER TABLE exceptions ALTER COLUMN assigned_to SET NOT NULL",
      // Neither way matters for a column the code reads as possibly NULL and never writes.
      "UPDATE device_snapshot SET display_name = '' WHERE display_name IS NULL",
      "ALTER TABLE device_snapshot ALTER COLUMN display_name SET NOT NULL",
    ]);
    expect((await checkUpstreamCompatibility(database.pool)).problems).toEqual([
      {
        table: "exceptions",
        column: "hostname",
        problem: "wrong_nullability",
        expected: "NOT NULL",
        actual: "NULL allowed",
      },
      {
        table: "exceptions",
        column: "assigned_to",
        problem: "wrong_nullability",
        expected: "NULL allowed",
        actual: "NOT NULL",
      },
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

    it("reports every table the dashboard reads missing, and no other", async () => {
      const report = await checkUpstreamCompatibility(empty.pool);
      expect(report.ok).toBe(false);
      expect(report.problems.map((problem) => problem.table).sort()).toEqual(Object.keys(UPSTREAM_READS).sort());
      expect(report.problems.map((problem) => problem.table).sort()).toEqual([
        "billing_status",
        "device_snapshot",
        "exceptions",
        "job_runs",
        "site",
        "vendor",
      ]);
      expect(report.problems.every((problem) => problem.problem === "missing_table")).toBe(true);
    });
  });
});
