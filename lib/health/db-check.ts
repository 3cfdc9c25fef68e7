import { describeConnectionError } from "@/lib/db/connection-errors";
import { createPrismaClient } from "@/lib/db/prisma";
import { checkUpstreamCompatibility, formatCompatibilityReport } from "@/lib/db/schema-compatibility";
import { withClient } from "@/lib/db/with-client";
import { getReportStatusFromSnapshots } from "@/lib/report-date/report-status";

export type DbCheckResult = { ok: true; lines: string[] } | { ok: false; cause: string; lines: string[] };

/** The access guide's connection test, done properly: what is there, and whether the app can use it. */
export async function runDbCheck(databaseUrl: string): Promise<DbCheckResult> {
  let compatibility;
  try {
    compatibility = await withClient(databaseUrl, (client) => checkUpstreamCompatibility(client));
  } catch (error) {
    return { ok: false, cause: describeConnectionError(error, databaseUrl), lines: [] };
  }
  const lines = ["Connected.", "Schema compatibility:", formatCompatibilityReport(compatibility)];
  if (!compatibility.ok) {
    const [first] = compatibility.problems;
    const cause = first
      ? `${first.table}${first.column ? `.${first.column}` : ""}: ${first.problem.replaceAll("_", " ")}`
      : "incompatible";
    return {
      ok: false,
      cause: `Schema not compatible (${compatibility.problems.length} problem(s), first: ${cause}).`,
      lines,
    };
  }

  const db = createPrismaClient(databaseUrl);
  try {
    const [exceptionRows, snapshotRows, vendors, status] = await Promise.all([
      db.exceptions.count(),
      db.device_snapshot.count(),
      db.vendor.findMany({ select: { id: true, name: true }, orderBy: { id: "asc" } }),
      getReportStatusFromSnapshots(db),
    ]);
    lines.push(
      `Exceptions: ${exceptionRows}`,
      `Device snapshots: ${snapshotRows}`,
      `Vendors: ${vendors.map((vendor) => `${vendor.id} ${vendor.name}`).join(", ")}`,
      ...status.vendors.map(
        (vendor) => `${vendor.vendor} latest date: ${vendor.latestDate ?? "none"} (${vendor.devices} devices)`,
      ),
      `Latest matching date: ${status.latestMatchingDate ?? "none"} (${status.freshness})`,
    );
    return { ok: true, lines };
  } catch (error) {
    return { ok: false, cause: describeConnectionError(error, databaseUrl), lines };
  } finally {
    await db.$disconnect();
  }
}
