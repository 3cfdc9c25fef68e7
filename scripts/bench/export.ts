import pg from "pg";
import type { Actor } from "@/lib/access/roles";
import { connectionConfig } from "@/lib/db/connection-config";
import type { Database } from "@/lib/db/prisma";
import { refreshVarianceHistory } from "@/lib/rollups/variance-rollup";
import { getQueueVariances } from "@/lib/variances/queue";
import { queueFiltersSchema } from "@/lib/variances/queue-filters";
import { addOpenVariances } from "../../tests/helpers/export-scale";
import type { AppServer } from "./app-server";
import { removeScaleVariances } from "./bench-data";
import { megabytes, type memorySampler } from "./memory";

export const EXPORT_ROWS = 100_000;

export interface ExportFigures {
  rows: number;
  megabytes: number;
  seconds: number;
  memoryBeforeMb: number;
  memoryGrowthMb: number;
}

interface ExportContext {
  server: AppServer;
  db: Database;
  actor: Actor;
  cookie: string;
  memory: ReturnType<typeof memorySampler>;
  reportDate: string;
}

/**
 * No tier has 100,000 open variances on one date, so the report date gets extra ones for the
 * measurement (removed afterwards). The body is read as it streams; memory growth is the
 * server's peak during the download over its resident memory just before.
 */
export async function measureExport({
  server,
  db,
  actor,
  cookie,
  memory,
  reportDate,
}: ExportContext): Promise<ExportFigures> {
  const present = (await getQueueVariances(db, actor, queueFiltersSchema.parse({}))).items.length;
  const pool = new pg.Pool(connectionConfig(server.databaseUrl, { max: 1 }));
  try {
    await addOpenVariances(pool, Math.max(0, EXPORT_ROWS - present), reportDate);
  } finally {
    await pool.end();
  }
  // Measured is the export, not the first recompute of a date that just got 100,000 rows (any page would pay that once).
  await refreshVarianceHistory(db, reportDate);
  try {
    const before = memory.mark();
    const started = performance.now();
    const response = await fetch(`${server.origin}/api/variances/export?format=csv`, { headers: { cookie } });
    if (!response.ok || !response.body) throw new Error(`export failed: HTTP ${response.status}`);
    let bytes = 0;
    let lines = 0;
    const reader = response.body.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      bytes += chunk.value.length;
      for (const byte of chunk.value) if (byte === 10) lines++;
    }
    return {
      rows: lines - 1,
      megabytes: Math.round((bytes / 1024 / 1024) * 10) / 10,
      seconds: Math.round((performance.now() - started) / 100) / 10,
      memoryBeforeMb: megabytes(before),
      memoryGrowthMb: megabytes(memory.peakSinceMark() - before),
    };
  } finally {
    await removeScaleVariances(server.databaseUrl);
  }
}
