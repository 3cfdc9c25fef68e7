import { isDatabaseUnreachable } from "@/lib/db/connection-errors";
import { getPrisma } from "@/lib/db/prisma";
import { logger } from "@/lib/logging/logger";
import { getReportStatus } from "@/lib/report-date/report-status";

export const dynamic = "force-dynamic";

/** Public liveness for load balancers and monitors: database reachability and report freshness only. */
export async function GET() {
  try {
    const status = await getReportStatus(getPrisma());
    return Response.json({
      status: "ok",
      database: "up",
      latestMatchingDate: status.latestMatchingDate,
      freshness: status.freshness,
    });
  } catch (error) {
    // While the database is down every open page asks each second: one line each, not a stack.
    if (isDatabaseUnreachable(error))
      logger.warn(
        { route: "health", reason: (error as Error).message.trim().split("\n").at(-1) },
        "database unreachable",
      );
    else logger.error({ route: "health", err: error }, "health check failed");
    return Response.json(
      { status: "unavailable", database: "down", reason: "The database did not answer." },
      { status: 503 },
    );
  }
}
