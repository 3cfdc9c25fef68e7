import type { ClientBase, Pool } from "pg";
import { readCatalogTables } from "./database-catalog";
import { type ColumnShape, formatSqlType, type SqlType } from "./table-shape";
import { type ColumnNeed, upstreamColumns } from "./upstream-reads";

/** Where ES Inventory Hub keeps its tables. */
export const UPSTREAM_SCHEMA = "public";

export interface CompatibilityProblem {
  table: string;
  column?: string;
  problem: "missing_table" | "missing_column" | "wrong_type" | "wrong_nullability";
  expected?: string;
  actual?: string;
}

export interface CompatibilityReport {
  ok: boolean;
  problems: CompatibilityProblem[];
  /** Optional columns (lib/db/upstream-reads.ts) this database lacks: the pages show "not collected" for them. */
  missingOptional: { table: string; column: string }[];
}

const stringLength = (type: SqlType) => (type.name === "text" ? Infinity : (type.modifiers[0] ?? Infinity));

/** The need in words: "varchar or text", "varchar(255+) or text", "integer or bigint", "text[]". */
function describeNeed(need: ColumnNeed): string {
  const length = need.writes?.length;
  const names = need.types.map((name) =>
    name === "varchar" && length !== undefined && length !== Infinity ? `varchar(${length}+)` : name,
  );
  const unbounded = length === Infinity ? names.filter((name) => name !== "varchar") : names;
  return unbounded.map((name) => `${name}${need.isArray ? "[]" : ""}`).join(" or ");
}

function servesType(need: ColumnNeed, actual: SqlType): boolean {
  if (!need.types.includes(actual.name) || !!need.isArray !== actual.isArray) return false;
  return need.writes?.length === undefined || stringLength(actual) >= need.writes.length;
}

const nullability = (nullable: boolean | null) => (nullable ? "NULL allowed" : "NOT NULL");

function columnProblems(table: string, column: string, need: ColumnNeed, actual: ColumnShape): CompatibilityProblem[] {
  const problems: CompatibilityProblem[] = [];
  if (!servesType(need, actual.type)) {
    problems.push({
      table,
      column,
      problem: "wrong_type",
      expected: describeNeed(need),
      actual: formatSqlType(actual.type),
    });
  }
  // A NULL where the code relies on a value breaks reads; NOT NULL where it writes NULL (clearing an assignee) breaks writes.
  if (need.notNull && actual.nullable) {
    problems.push({
      table,
      column,
      problem: "wrong_nullability",
      expected: nullability(false),
      actual: nullability(true),
    });
  }
  if (need.writes?.null && !actual.nullable) {
    problems.push({
      table,
      column,
      problem: "wrong_nullability",
      expected: nullability(true),
      actual: nullability(false),
    });
  }
  return problems;
}

/**
 * Whether the live upstream tables have every column the dashboard reads or writes
 * (lib/db/upstream-reads.ts) with a type that serves it. Nothing else is compared: other
 * tables and columns, defaults and indexes are upstream's business. Reads only the catalog.
 */
export async function checkUpstreamCompatibility(db: Pool | ClientBase): Promise<CompatibilityReport> {
  const live = new Map(
    (await readCatalogTables(db, UPSTREAM_SCHEMA)).map((table) => [
      table.name,
      new Map(table.columns.map((column) => [column.name, column])),
    ]),
  );
  const problems: CompatibilityProblem[] = [];
  const missingOptional: CompatibilityReport["missingOptional"] = [];
  const missingTables = new Set<string>();
  for (const { table, column, need } of upstreamColumns()) {
    const columns = live.get(table);
    if (!columns) {
      // Once per table, not once per column.
      if (!missingTables.has(table)) problems.push({ table, problem: "missing_table" });
      missingTables.add(table);
      continue;
    }
    const actual = columns.get(column);
    if (actual) problems.push(...columnProblems(table, column, need, actual));
    else if (need.optional) missingOptional.push({ table, column });
    else problems.push({ table, column, problem: "missing_column", expected: describeNeed(need) });
  }
  return { ok: problems.length === 0, problems, missingOptional };
}

function describeProblem({ problem, expected, actual }: CompatibilityProblem) {
  switch (problem) {
    case "missing_table":
      return "missing table";
    case "missing_column":
      return `missing column (expected ${expected})`;
    case "wrong_type":
      return `wrong type (expected ${expected}, found ${actual})`;
    case "wrong_nullability":
      return `wrong nullability (expected ${expected}, found ${actual})`;
  }
}

/** The report as lines a person reads at start-up or from `npm run db:check`. */
export function formatCompatibilityReport(report: CompatibilityReport): string {
  const lines = report.ok
    ? [`Schema "${UPSTREAM_SCHEMA}" has every table and column the dashboard reads, with compatible types.`]
    : [
        `Schema "${UPSTREAM_SCHEMA}" lacks what the dashboard needs (${report.problems.length} problem(s)):`,
        ...report.problems.map((p) => `  - ${p.table}${p.column ? `.${p.column}` : ""}: ${describeProblem(p)}`),
      ];
  if (report.missingOptional.length > 0) {
    const missing = report.missingOptional.map(({ table, column }) => `${table}.${column}`).join(", ");
    lines.push(`Optional columns not present (the pages show "not collected" for them): ${missing}`);
  }
  return lines.join("\n");
}
