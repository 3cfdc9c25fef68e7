import { jsonRoute } from "@/lib/api/json-route";
import { getPrisma } from "@/lib/db/prisma";
import { exceptionStats, reportDateQuerySchema } from "@/lib/variances/exceptions-api";

export const dynamic = "force-dynamic";

export const GET = jsonRoute("exceptionStats", "dashboard:read", reportDateQuerySchema, (_actor, query) =>
  exceptionStats(getPrisma(), query),
);
