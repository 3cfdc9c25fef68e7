/**
 * `npm run reconcile [-- --since YYYY-MM-DD]`: writes the dashboard's triage state back
 * onto exception rows the checks recreated. Safe to run at any time, e.g. from a timer
 * after the nightly checks; waits for a run already in progress.
 */
import "./load-env";
import { parseArgs } from "node:util";
import { requireDatabaseUrl } from "@/lib/db/database-url";
import { createPrismaClient } from "@/lib/db/prisma";
import { scriptLogger } from "@/lib/logging/logger";
import { reconcileWriteThrough } from "@/lib/variances/reconcile";

const { values } = parseArgs({ options: { since: { type: "string" } } });
if (values.since !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.since)) {
  console.error("--since takes a date as YYYY-MM-DD.");
  process.exit(1);
}

const db = createPrismaClient(requireDatabaseUrl());
try {
  const counts = await reconcileWriteThrough(db, { since: values.since });
  console.log(
    `Reconciled exception rows: ${counts.resolutions} resolution(s), ${counts.assignments} assignment(s), ${counts.notes} note list(s).`,
  );
} catch (error) {
  scriptLogger().error({ err: error }, "reconcile failed");
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
