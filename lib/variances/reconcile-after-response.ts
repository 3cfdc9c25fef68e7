import { after } from "next/server";
import type { Database } from "@/lib/db/prisma";
import { logger } from "@/lib/logging/logger";
import { reconcileIfStale } from "./reconcile";

/**
 * A page's read that may write: once the response is sent, re-applies the dashboard's triage
 * to upstream rows the checks recreated since the last run (reconcileIfStale: throttled
 * across instances, skipped when nothing changed). A failure costs only a log line.
 */
export function reconcileWriteThroughAfterResponse(db: Database): void {
  after(() => reconcileIfStale(db).catch((error: unknown) => logger.error({ err: error }, "reconcile failed")));
}
