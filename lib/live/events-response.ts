import type { Actor } from "@/lib/access/roles";
import { requireDatabaseUrl } from "@/lib/db/database-url";
import { type Database, getPrisma } from "@/lib/db/prisma";
import { openLiveStream } from "./event-stream";
import { LiveHub, STREAMS_PER_USER } from "./live-hub";

/** How often open streams' process reads the report fingerprint (the rollups' recheck memo bounds the cost). */
const REPORT_CHECK_MS = 5_000;
// An event id is an audit event's (a bigint); anything else was not sent by this stream.
const EVENT_ID = /^\d{1,18}$/;

export const EVENT_STREAM_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  // no-transform also keeps Next.js's compression (and proxies') from buffering the stream.
  "Cache-Control": "no-cache, no-transform",
  "X-Accel-Buffering": "no",
} as const;

const holder = globalThis as unknown as { varianceDashboardLiveHub?: LiveHub };

/** The process's hub, created on first use; a stop signal ends its streams so the server can stop. */
export function getLiveHub(): LiveHub {
  if (!holder.varianceDashboardLiveHub) {
    const hub = new LiveHub({ connectionString: requireDatabaseUrl(), db: getPrisma, reportCheckMs: REPORT_CHECK_MS });
    holder.varianceDashboardLiveHub = hub;
    for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => hub.shutdown());
  }
  return holder.varianceDashboardLiveHub;
}

/** Stops the process's hub (tests; the signals do it in the server). */
export function stopLiveHub(): void {
  holder.varianceDashboardLiveHub?.shutdown();
  delete holder.varianceDashboardLiveHub;
}

/** GET /api/variances/events for a signed-in reader: 400 for a forged Last-Event-ID, 429 past the quota, else the stream. */
export async function liveEventsResponse(db: Database, actor: Actor, request: Request): Promise<Response> {
  const lastEventId = request.headers.get("last-event-id");
  if (lastEventId !== null && !EVENT_ID.test(lastEventId))
    return Response.json({ error: "Last-Event-ID must be the id of an event this stream sent." }, { status: 400 });
  const hub = getLiveHub();
  if (hub.stopped)
    return Response.json({ error: "This server is stopping." }, { status: 503, headers: { "Retry-After": "5" } });
  const stream = await openLiveStream({
    hub,
    db,
    actor,
    lastEventId: lastEventId === null ? null : BigInt(lastEventId),
    signal: request.signal,
  });
  if (!stream)
    return Response.json(
      { error: `At most ${STREAMS_PER_USER} live connections per person: close another tab of the dashboard.` },
      { status: 429, headers: { "Retry-After": "30" } },
    );
  return new Response(stream, { headers: EVENT_STREAM_HEADERS });
}
