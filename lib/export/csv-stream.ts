import { pipeline, Readable } from "node:stream";
import { stringify } from "csv-stringify";
import { type ExportRows, safeRows } from "./spreadsheet-safety";
import { webStreamOf } from "./web-stream";

/**
 * A CSV file written row by row as the reader pulls it (RFC 4180 quoting by csv-stringify).
 * The BOM makes Excel read it as UTF-8, so accented organisation names survive.
 */
export function csvStream(header: readonly string[], rows: ExportRows): ReadableStream<Uint8Array> {
  const csv = stringify({ bom: true });
  // A failure destroys `csv`, which errors the download; a cancelled download ends the pipeline.
  pipeline(Readable.from(safeRows(header, rows)), csv, () => {});
  return webStreamOf(csv);
}
