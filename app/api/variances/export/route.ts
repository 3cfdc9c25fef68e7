import { downloadResponse } from "@/lib/api/download-response";
import { queryRoute } from "@/lib/api/query-route";
import { getPrisma } from "@/lib/db/prisma";
import { exportQueue, queueExportQuerySchema } from "@/lib/variances/queue-export";

export const dynamic = "force-dynamic";

export const GET = queryRoute(
  "exportQueue",
  "dashboard:read",
  queueExportQuerySchema,
  async (actor, { format, ...filters }) => downloadResponse(await exportQueue(getPrisma(), actor, filters, format)),
);
