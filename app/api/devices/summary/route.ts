import { jsonRoute } from "@/lib/api/json-route";
import { getPrisma } from "@/lib/db/prisma";
import { deviceSummary, reportDateQuerySchema } from "@/lib/variances/exceptions-api";

export const dynamic = "force-dynamic";

export const GET = jsonRoute("deviceSummary", "dashboard:read", reportDateQuerySchema, (_actor, query) =>
  deviceSummary(getPrisma(), query),
);
