import { z } from "zod";
import { queryRoute } from "@/lib/api/query-route";
import { getPrisma } from "@/lib/db/prisma";
import { liveEventsResponse } from "@/lib/live/events-response";

export const dynamic = "force-dynamic";

/** Colleagues' changes as Server-Sent Events, for open queues and variance pages (lib/live). */
export const GET = queryRoute("varianceEvents", "dashboard:read", z.strictObject({}), (actor, _query, request) =>
  liveEventsResponse(getPrisma(), actor, request),
);
