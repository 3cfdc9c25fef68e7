import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { PoolClient } from "pg";
import { from as copyFrom } from "pg-copy-streams";

export type CopyValue = string | number | boolean | null | undefined;

/** A row keyed by column name; a missing column is written as NULL. */
export type CopyRow<C extends string> = { readonly [K in C]?: CopyValue };

/** Lines are sent in chunks of about this many characters rather than one write per row. */
const CHUNK_CHARS = 256 * 1024;

/**
 * Streams rows into `table` with `COPY … FROM STDIN` (text format). Rows are pulled from
 * the iterable as the server takes them, so a caller can generate them lazily.
 */
export async function copyRows<C extends string>(
  client: PoolClient,
  table: string,
  columns: readonly C[],
  rows: Iterable<CopyRow<C>>,
): Promise<void> {
  const copy = client.query(copyFrom(`COPY ${table} (${columns.join(", ")}) FROM STDIN`));
  await pipeline(Readable.from(chunks(columns, rows)), copy);
}

function* chunks<C extends string>(columns: readonly C[], rows: Iterable<CopyRow<C>>): Generator<string> {
  let chunk = "";
  for (const row of rows) {
    chunk += copyLine(columns.map((column) => row[column]));
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk) yield chunk;
}

/** One line of COPY text format: tab-separated, `\N` for NULL, newline-terminated. */
export function copyLine(values: readonly CopyValue[]): string {
  return `${values.map(copyText).join("\t")}\n`;
}

const SPECIAL = /[\\\n\r\t]/;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" };

function copyText(value: CopyValue): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value === "boolean") return value ? "t" : "f";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`cannot COPY the number ${value}`);
    return String(value);
  }
  return SPECIAL.test(value) ? value.replace(/[\\\n\r\t]/g, (c) => ESCAPES[c] ?? c) : value;
}
