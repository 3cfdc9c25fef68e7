/** What an export writes into one cell; null is an empty cell. */
export type CellValue = string | number | null;

/** An export's rows, made as the writer pulls them (read from the database as they go, for a big one). */
export type ExportRows = Iterable<readonly CellValue[]> | AsyncIterable<readonly CellValue[]>;

/**
 * First characters that make Excel, LibreOffice or Google Sheets read a cell as a formula
 * (OWASP "CSV injection"; ASVS 1.2.10 adds NUL). Hostnames, org names and notes come from
 * collectors and people, so `=HYPERLINK("http://evil", "click")` must arrive as text.
 */
const FORMULA_TRIGGER = /^[=+\-@\t\r\0]/;

/** Prefixes a risky text cell with `'`, which spreadsheets treat as "this is text". Numbers are never formulas. */
export function neutraliseFormula(value: CellValue): CellValue {
  return typeof value === "string" && FORMULA_TRIGGER.test(value) ? `'${value}` : value;
}

/**
 * The header and rows of an export with every cell neutralised: both writers read their
 * cells from here, so neither format can skip the step.
 */
export async function* safeRows(header: readonly string[], rows: ExportRows): AsyncGenerator<CellValue[]> {
  yield header.map(neutraliseFormula);
  for await (const row of rows) yield row.map(neutraliseFormula);
}
