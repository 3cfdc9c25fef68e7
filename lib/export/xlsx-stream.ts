import { PassThrough, type Writable } from "node:stream";
import ExcelJS from "exceljs";
import { type ExportRows, safeRows } from "./spreadsheet-safety";
import { webStreamOf } from "./web-stream";

/** Rows written between checks on the zip; a few hundred rows are a few hundred kB of XML. */
const ROWS_PER_CHECK = 200;

type Worksheet = ReturnType<ExcelJS.stream.xlsx.WorkbookWriter["addWorksheet"]>;

/** The zip entry's input: a readable-stream 2 PassThrough, so no `writableNeedDrain` getter. */
type ZipEntryInput = Writable & { _writableState: { needDrain: boolean } };

/**
 * exceljs's streaming writer never says when to wait (exceljs#734): a committed row goes
 * into the sheet's buffer, which writes into the zip entry's input stream whatever that
 * stream's state. The zip deflates slower than rows are made, so without waiting the whole
 * sheet's XML piles up there. That input stream is the one place a backlog shows; it exists
 * once the zip starts the sheet's entry. exceljs is pinned, and the export's backpressure
 * test fails if this path moves in an upgrade.
 */
function zipEntryInput(sheet: Worksheet): ZipEntryInput | undefined {
  return (sheet as unknown as { stream: { pipes?: ZipEntryInput[] } }).stream.pipes?.[0];
}

/** Resolves when `stream` has room again, or when the download is gone (`output` closed). */
function roomIn(stream: Writable, output: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off("drain", done);
      output.off("close", done);
      resolve();
    };
    stream.on("drain", done);
    output.on("close", done);
  });
}

async function backlogCleared(sheet: Worksheet, output: Writable): Promise<void> {
  const entryInput = zipEntryInput(sheet);
  // A full download stalls the zip, which fills its entry's input: one check covers both.
  if (entryInput?._writableState.needDrain) await roomIn(entryInput, output);
  else await new Promise((resolve) => setImmediate(resolve));
}

/**
 * An XLSX workbook of one sheet, written row by row as the reader pulls it. Strings are
 * written inline (no shared-strings table) and without styles, so nothing in the writer
 * grows with the row count.
 */
export function xlsxStream(sheetName: string, header: readonly string[], rows: ExportRows): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: false,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  const write = async () => {
    let written = 0;
    for await (const row of safeRows(header, rows)) {
      if (output.destroyed) return;
      sheet.addRow(row).commit();
      if (++written % ROWS_PER_CHECK === 0) await backlogCleared(sheet, output);
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error))));
  return webStreamOf(output);
}
