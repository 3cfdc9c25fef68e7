import type pg from "pg";
import type { Actor } from "@/lib/access/roles";
import type { ReportDate } from "@/lib/calendar-date";
import type { Database } from "@/lib/db/prisma";
import { type ExportFormat, exportQueue } from "@/lib/variances/queue-export";
import type { QueueFilters } from "@/lib/variances/queue-filters";

/**
 * Adds `count` MISSING_NINJA variances open on `date` (one exception row each, seen for the
 * first time a few days earlier so "days open" varies), in one INSERT … SELECT
 * generate_series. For measuring the export at MSP scale; the bench can reuse it.
 */
export async function addOpenVariances(pool: pg.Pool, count: number, date: ReportDate): Promise<void> {
  const details = (n: string) => `jsonb_build_object(
      'tl_hostname', 'SCALE-' || ${n} || '.example.com', 'tl_canonical_key', 'scale-' || ${n},
      'tl_site_name', 'Site ' || (${n} % 40), 'tl_org_name', 'Scale Client ' || (${n} % 1000),
      'data_quality_issue', false, 'original_stored_hostname', null)`;
  await pool.query(
    `INSERT INTO exceptions (date_found, type, hostname, details, resolved)
     SELECT $1::date - (n % 3) * (n % 7), 'MISSING_NINJA', 'SCALE-' || n || '.example.com', ${details("n")}, false
     FROM generate_series(1, $2::int) AS n
     UNION ALL
     SELECT $1::date, 'MISSING_NINJA', 'SCALE-' || n || '.example.com', ${details("n")}, false
     FROM generate_series(1, $2::int) AS n WHERE (n % 3) * (n % 7) <> 0`,
    [date, count],
  );
  await pool.query("ANALYZE exceptions");
}

export interface ExportMeasurement {
  bytes: number;
  /** Line breaks in the file: the CSV's records, header included, when no cell holds a line break. */
  lines: number;
  milliseconds: number;
  /** Peak resident set size above the level before the export, sampled every 20 ms. */
  peakRssGrowthMb: number;
  /** Peak V8 heap in use above the level before the export, garbage included. */
  peakHeapGrowthMb: number;
  /**
   * Peak live heap (after a full collection, every LIVE_SAMPLE_BYTES of output) above the level
   * before the export: what the export holds. Null unless node runs with --expose-gc.
   */
  peakLiveHeapGrowthMb: number | null;
}

const MB = 1024 * 1024;
const LIVE_SAMPLE_BYTES = 2 * MB;
const NEWLINE = 0x0a;

/**
 * Exports the queue and reads the whole file as a browser would, measuring time and how far
 * the process's memory rose above where it started.
 */
export async function measureExport(
  db: Database,
  actor: Actor,
  filters: QueueFilters,
  format: ExportFormat,
  today: ReportDate,
): Promise<ExportMeasurement> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  const sample = () => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  };
  let peakLive = before.heapUsed;
  let nextLiveSample = LIVE_SAMPLE_BYTES;
  const timer = setInterval(sample, 20);
  const started = performance.now();
  try {
    const download = await exportQueue(db, actor, filters, format, today);
    let bytes = 0;
    let lines = 0;
    for await (const chunk of download.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.byteLength;
      for (const byte of chunk) if (byte === NEWLINE) lines++;
      sample();
      if (gc && bytes >= nextLiveSample) {
        gc();
        peakLive = Math.max(peakLive, process.memoryUsage().heapUsed);
        nextLiveSample += LIVE_SAMPLE_BYTES;
      }
    }
    const milliseconds = performance.now() - started;
    sample();
    return {
      bytes,
      milliseconds,
      peakRssGrowthMb: (peakRss - before.rss) / MB,
      peakHeapGrowthMb: (peakHeap - before.heapUsed) / MB,
      peakLiveHeapGrowthMb: gc ? (peakLive - before.heapUsed) / MB : null,
      lines,
    };
  } finally {
    clearInterval(timer);
  }
}
