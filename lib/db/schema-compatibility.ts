import type { ClientBase, Pool } from "pg";
import { readCatalogTables } from "./database-catalog";
import { modelTables } from "./prisma-datamodel";
import { formatSqlType, type ColumnShape, type SqlType, type TableShape } from "./table-shape";

/** Where ES Inventory Hub keeps its tables. */
export const UPSTREAM_SCHEMA = "public";

export interface CompatibilityProblem {
  table: string;
  column?: string;
  problem: "missing_table" | "missing_column" | "wrong_type" | "wrong_nullability";
  expected?: string;
  actual?: string;
}

export interface ExtraColumn {
  table: string;
  column: string;
  type: string;
}

export interface CompatibilityReport {
  ok: boolean;
  problems: CompatibilityProblem[];
  /** Live columns the models do not declare (the optional tracking columns, hand-added ones): harmless. */
  extraColumns: ExtraColumn[];
}

const stringLimit = (type: SqlType) => (type.name === "text" ? Infinity : (type.modifiers[0] ?? Infinity));
const isVariableString = (type: SqlType) => type.name === "varchar" || type.name === "text";
const timePrecisionTypes = new Set(["timestamp", "timestamptz", "time", "timetz"]);

/**
 * Whether a live column of type `actual` holds every value of the model's type: then reads see
 * what the models promise and writes fit. So a wider column passes (varchar(500) or text for
 * varchar(255), numeric with more digits, finer timestamps), a narrower or different one fails.
 */
function holdsEveryValue(expected: SqlType, actual: SqlType): boolean {
  if (expected.isArray !== actual.isArray) return false;
  if (isVariableString(expected) && isVariableString(actual)) return stringLimit(actual) >= stringLimit(expected);
  if (expected.name !== actual.name) return false;
  if (expected.name === "numeric") {
    const [precision, scale] = actual.modifiers;
    const [wantedPrecision, wantedScale] = expected.modifiers;
    if (precision === undefined || scale === undefined) return true;
    if (wantedPrecision === undefined || wantedScale === undefined) return false;
    return scale >= wantedScale && precision - scale >= wantedPrecision - wantedScale;
  }
  if (timePrecisionTypes.has(expected.name)) return (actual.modifiers[0] ?? 6) >= (expected.modifiers[0] ?? 6);
  return formatSqlType(expected) === formatSqlType(actual);
}

const nullability = (nullable: boolean | null) => (nullable ? "NULL allowed" : "NOT NULL");

function columnProblems(table: string, expected: ColumnShape, actual: ColumnShape | undefined): CompatibilityProblem[] {
  const column = expected.name;
  if (!actual) {
    const describe = `${formatSqlType(expected.type)}${expected.nullable === false ? " NOT NULL" : ""}`;
    return [{ table, column, problem: "missing_column", expected: describe }];
  }
  const problems: CompatibilityProblem[] = [];
  if (!holdsEveryValue(expected.type, actual.type)) {
    problems.push({ table, column, problem: "wrong_type", expected: formatSqlType(expected.type), actual: formatSqlType(actual.type) });
  }
  // Both ways matter: a NULL where the model promises a value breaks reads, a NOT NULL where
  // the model may write NULL (clearing an assignee) breaks writes. Lists cannot say, so pass.
  if (expected.nullable !== null && expected.nullable !== actual.nullable) {
    problems.push({ table, column, problem: "wrong_nullability", expected: nullability(expected.nullable), actual: nullability(actual.nullable) });
  }
  return problems;
}

/**
 * Compares the models' tables with the live ones, one way: every modelled table and column
 * must be there with a compatible type and the same nullability. Defaults are not compared
 * (tables built from the collectors' Python models have none), and extra columns are fine.
 */
function compareWithModels(expectedTables: TableShape[], liveTables: TableShape[]): CompatibilityReport {
  const live = new Map(liveTables.map((table) => [table.name, table]));
  const problems: CompatibilityProblem[] = [];
  const extraColumns: ExtraColumn[] = [];
  for (const expected of expectedTables) {
    const actual = live.get(expected.name);
    if (!actual) {
      problems.push({ table: expected.name, problem: "missing_table" });
      continue;
    }
    const actualColumns = new Map(actual.columns.map((column) => [column.name, column]));
    for (const column of expected.columns) problems.push(...columnProblems(expected.name, column, actualColumns.get(column.name)));
    const modelled = new Set(expected.columns.map((column) => column.name));
    for (const column of actual.columns.filter((candidate) => !modelled.has(candidate.name))) {
      extraColumns.push({ table: expected.name, column: column.name, type: formatSqlType(column.type) });
    }
  }
  return { ok: problems.length === 0, problems, extraColumns };
}

/** Whether the live upstream tables have what the Prisma upstream models declare. Reads only the catalog. */
export async function checkUpstreamCompatibility(db: Pool | ClientBase): Promise<CompatibilityReport> {
  return compareWithModels(modelTables(UPSTREAM_SCHEMA), await readCatalogTables(db, UPSTREAM_SCHEMA));
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
  if (report.extraColumns.length > 0) {
    const extras = report.extraColumns.map((extra) => `${extra.table}.${extra.column}`).join(", ");
    lines.push(`Extra columns the dashboard does not use (fine): ${extras}`);
  }
  return lines.join("\n");
}
