import type { Database } from "@/lib/db/prisma";
import { refreshVarianceHistory } from "./variance-rollup";

/** What the exceptions look like in sum: any change means a collector (re)ran or rows were recreated. */
export interface VarianceFingerprint {
  latestDateFound: string | null;
  rows: number;
  maxId: string | null;
}

/**
 * Read from the variance rollup's per-date fingerprints (brought up to date first, at most
 * once per recheck interval: recheck-memo.ts), which sum to the same figures as exceptions'
 * newest date, row count and max(id) without counting a table that grows by thousands of
 * rows a day.
 */
export async function varianceFingerprint(db: Database): Promise<VarianceFingerprint> {
  await refreshVarianceHistory(db);
  const [row] = await db.$queryRaw<VarianceFingerprint[]>`
    SELECT max(date_found) FILTER (WHERE row_count > 0)::text AS "latestDateFound", coalesce(sum(row_count), 0)::int AS rows,
           nullif(max(max_id), 0)::text AS "maxId"
    FROM variance_dashboard.variance_rollup_state`;
  return { latestDateFound: row?.latestDateFound ?? null, rows: row?.rows ?? 0, maxId: row?.maxId ?? null };
}
