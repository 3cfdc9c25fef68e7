import { getPrisma } from "@/lib/db/prisma";
import { getReportStatus } from "@/lib/inventory/report-status";

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
    console.error("health check failed", error);
    return Response.json({ status: "unavailable", database: "down", reason: "The database did not answer." }, { status: 503 });
  }
}
