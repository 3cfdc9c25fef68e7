import { jsonRoute } from "@/lib/api/json-route";
import { getPrisma } from "@/lib/db/prisma";
import { exceptionsQuerySchema, listExceptions } from "@/lib/variances/exceptions-api";

export const dynamic = "force-dynamic";

export const GET = jsonRoute("listExceptions", "dashboard:read", exceptionsQuerySchema, (_actor, query) =>
  listExceptions(getPrisma(), query),
);
