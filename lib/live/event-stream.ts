import type { Actor } from "@/lib/access/roles";
import type { Database } from "@/lib/db/prisma";
import { logger } from "@/lib/logging/logger";
import { streamStillAllowed } from "./account-check";
import type { LiveHub, LiveMessage } from "./live-hub";
import { changesAfter, latestEventId } from "./replay";

/** A comment line this often keeps proxies from timing the stream out, and re-checks the account. */
export const HEARTBEAT_MS = 15_000;
/** How long the browser waits before reconnecting a dropped stream. */
export const RETRY_MS = 3_000;
// A reader this far behind (a stalled tab) is cut off rather than buffered for: it reconnects and replays.
const MAX_QUEUED_CHUNKS = 500;

export interface LiveStreamOptions {
  hub: LiveHub;
  db: Database;
  actor: Actor;
  /** The browser's Last-Event-ID (an audit event id), or null on a first connection. */
  lastEventId: bigint | null;
  /** The request's: aborted when the browser goes away. */
  signal: AbortSignal;
  heartbeatMs?: number;
}

const encoder = new TextEncoder();

/** One message in the event-stream format; `data` is one line of JSON. */
function frame(event: string, data: unknown, id?: string): string {
  return `${id === undefined ? "" : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

function messageFrame(message: LiveMessage): string {
  return message.kind === "variance" ? frame("variance", message.change, message.change.id) : frame(message.kind, {});
}

/**
 * One person's event stream: subscribed before the replay so nothing falls between them (a
 * change may then come twice; the page coalesces), on a reconnect the changes after
 * `lastEventId` replayed (within the bound) and a "resync", on a first connection the id to
 * resume from, then every
 * change as it commits, a heartbeat, and an end when the account may no longer read or the
 * process stops. Null when the person holds their quota of streams already.
 */
export async function openLiveStream(options: LiveStreamOptions): Promise<ReadableStream<Uint8Array> | null> {
  const { hub, db, actor, lastEventId, signal } = options;
  if (!hub.admit(actor.id)) return null;
  const openedAt = new Date();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let closed = false;
  let unsubscribe = () => {};
  let heartbeat: NodeJS.Timeout | undefined;
  let forgetShutdown = () => {};

  const close = () => {
    if (closed) return;
    closed = true;
    unsubscribe();
    clearInterval(heartbeat);
    forgetShutdown();
    signal.removeEventListener("abort", close);
    hub.release(actor.id);
    try {
      controller.close();
    } catch {
      // Already cancelled by the reader.
    }
  };
  const write = (text: string) => {
    if (closed) return;
    if ((controller.desiredSize ?? 0) < -MAX_QUEUED_CHUNKS) return close();
    controller.enqueue(encoder.encode(text));
  };

  const stream = new ReadableStream<Uint8Array>({
    start: (streamController) => {
      controller = streamController;
    },
    cancel: close,
  });
  forgetShutdown = hub.onShutdown(close);
  signal.addEventListener("abort", close);
  // The browser may have left before the listener was added: no abort event will come.
  if (signal.aborted) close();
  try {
    unsubscribe = await hub.subscribe((message) => write(messageFrame(message)));
    // Gone (the browser left, the process stops) while the listener connected: close() could not unsubscribe yet.
    if (closed) unsubscribe();
    write(`retry: ${RETRY_MS}\n\n`);
    if (lastEventId === null) {
      write(frame("ready", {}, (await latestEventId(db)).toString()));
    } else {
      const replay = await changesAfter(db, lastEventId);
      for (const change of replay ?? []) write(messageFrame({ kind: "variance", change }));
      // Audit ids are handed out before commit, so a change with a lower id than the last one
      // seen can commit while the browser was away; the replay marks what it can, and the page
      // reloads its data in any case.
      write(frame("resync", {}, (await latestEventId(db)).toString()));
    }
  } catch (error) {
    close();
    throw error;
  }
  if (!closed) heartbeat = setInterval(() => void beat(), options.heartbeatMs ?? HEARTBEAT_MS);

  async function beat() {
    let allowed = true;
    try {
      allowed = await streamStillAllowed(db, actor, openedAt);
    } catch (error) {
      // The database is down for a moment: the listener reconnects and resyncs; the stream stays.
      logger.warn({ err: error, actorId: actor.id }, "live: could not re-check a stream's account");
    }
    if (!allowed) {
      write(frame("end", { reason: "Your session ended; sign in again." }));
      return close();
    }
    write(": heartbeat\n\n");
  }

  return stream;
}
