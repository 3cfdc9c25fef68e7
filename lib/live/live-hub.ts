import pg from "pg";
import { connectionConfig } from "@/lib/db/connection-config";
import type { Database } from "@/lib/db/prisma";
import { logger } from "@/lib/logging/logger";
import { varianceFingerprint } from "@/lib/rollups/variance-fingerprint";
import { VARIANCE_CHANNEL, type VarianceChange } from "./variance-change";

/** What this process tells its open streams. */
export type LiveMessage =
  | { kind: "variance"; change: VarianceChange }
  /** The collectors' data changed (a re-run): every queue may read differently. */
  | { kind: "report" }
  /** The listener was disconnected and is back: changes in between may have been missed. */
  | { kind: "resync" };

export type Subscriber = (message: LiveMessage) => void;

/** Streams one person may hold open in one process (tabs); a browser allows about six connections per host anyway. */
export const STREAMS_PER_USER = 5;
const FIRST_RETRY_MS = 1_000;
const LAST_RETRY_MS = 30_000;
const CONNECT_TIMEOUT_MS = 5_000;

export interface LiveHubOptions {
  connectionString: string;
  db: () => Database;
  /** How often the report fingerprint is read while streams are open. */
  reportCheckMs: number;
}

/**
 * The process's one LISTEN connection, shared by all its open event streams: a NOTIFY from
 * any instance's command reaches every instance's listener, which fans it out in process. It
 * connects with the first subscriber and closes with the last; lost meanwhile, it reconnects
 * with backoff and tells the streams to resync. While streams are open it also watches the
 * report fingerprint, so a collector re-run refreshes open queues.
 */
export class LiveHub {
  private readonly subscribers = new Set<Subscriber>();
  private readonly streamsByUser = new Map<string, number>();
  private readonly closers = new Set<() => void>();
  private listener: pg.Client | null = null;
  private listening: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryMs = FIRST_RETRY_MS;
  private reportTimer: NodeJS.Timeout | null = null;
  private reportFingerprint: string | null = null;
  private checkingReport = false;
  stopped = false;

  constructor(private readonly options: LiveHubOptions) {}

  /** Takes one of the person's stream slots; false when they hold STREAMS_PER_USER already. */
  admit(userId: string): boolean {
    const open = this.streamsByUser.get(userId) ?? 0;
    if (open >= STREAMS_PER_USER) return false;
    this.streamsByUser.set(userId, open + 1);
    return true;
  }

  release(userId: string): void {
    const open = (this.streamsByUser.get(userId) ?? 1) - 1;
    if (open > 0) this.streamsByUser.set(userId, open);
    else this.streamsByUser.delete(userId);
  }

  /** Registers how to end a stream when the process shuts down; returns the unregistration. */
  onShutdown(close: () => void): () => void {
    this.closers.add(close);
    return () => this.closers.delete(close);
  }

  /** Hears every message from now on; resolves once the LISTEN is in place (rejects if it cannot be). */
  async subscribe(subscriber: Subscriber): Promise<() => void> {
    this.subscribers.add(subscriber);
    const unsubscribe = () => {
      if (this.subscribers.delete(subscriber) && this.subscribers.size === 0) this.idle();
    };
    try {
      await this.listen();
    } catch (error) {
      unsubscribe();
      throw error;
    }
    this.watchReport();
    return unsubscribe;
  }

  /** Ends every stream and the listener: an open stream would hold the server's graceful stop. */
  shutdown(): void {
    this.stopped = true;
    for (const close of [...this.closers]) close();
    this.subscribers.clear();
    this.idle();
  }

  private broadcast(message: LiveMessage) {
    for (const subscriber of [...this.subscribers]) subscriber(message);
  }

  private listen(): Promise<void> {
    this.listening ??= this.connect().catch((error: unknown) => {
      this.listening = null;
      throw error;
    });
    return this.listening;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client(
      connectionConfig(this.options.connectionString, { connectionTimeoutMillis: CONNECT_TIMEOUT_MS, keepAlive: true }),
    );
    client.on("notification", (notification) => {
      if (notification.channel !== VARIANCE_CHANNEL || !notification.payload) return;
      let change: VarianceChange;
      try {
        change = JSON.parse(notification.payload) as VarianceChange;
      } catch (error) {
        logger.warn({ err: error }, "live: unreadable notification");
        return;
      }
      this.broadcast({ kind: "variance", change });
    });
    // Either may come alone, or both: lost() acts once per client.
    client.on("error", () => this.lost(client));
    client.on("end", () => this.lost(client));
    this.listener = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${VARIANCE_CHANNEL}`);
    } catch (error) {
      if (this.listener === client) this.listener = null;
      closeQuietly(client);
      throw error;
    }
  }

  private lost(client: pg.Client) {
    if (this.listener !== client) return;
    this.listener = null;
    this.listening = null;
    closeQuietly(client);
    this.reconnectLater();
  }

  private reconnectLater() {
    if (this.subscribers.size === 0 || this.stopped || this.retryTimer) return;
    logger.warn({ retryMs: this.retryMs }, "live: no LISTEN connection; reconnecting");
    this.retryTimer = setTimeout(async () => {
      this.retryTimer = null;
      try {
        await this.listen();
        this.retryMs = FIRST_RETRY_MS;
        this.broadcast({ kind: "resync" });
      } catch {
        this.retryMs = Math.min(this.retryMs * 2, LAST_RETRY_MS);
        this.reconnectLater();
      }
    }, this.retryMs);
    this.retryTimer.unref();
  }

  /** No subscribers left (or shutting down): close the listener and stop watching. */
  private idle() {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.reportTimer) clearInterval(this.reportTimer);
    this.retryTimer = null;
    this.reportTimer = null;
    this.reportFingerprint = null;
    this.retryMs = FIRST_RETRY_MS;
    if (this.listener) closeQuietly(this.listener);
    this.listener = null;
    this.listening = null;
  }

  private watchReport() {
    if (this.reportTimer) return;
    this.reportTimer = setInterval(() => void this.checkReport(), this.options.reportCheckMs);
    this.reportTimer.unref();
    void this.checkReport();
  }

  private async checkReport() {
    if (this.checkingReport) return;
    this.checkingReport = true;
    try {
      const fingerprint = JSON.stringify(await varianceFingerprint(this.options.db()));
      if (this.reportFingerprint !== null && fingerprint !== this.reportFingerprint) this.broadcast({ kind: "report" });
      if (this.reportTimer) this.reportFingerprint = fingerprint;
    } catch (error) {
      // Not worth a line once nobody watches (the last stream closed mid-read).
      if (this.reportTimer) logger.warn({ err: error }, "live: could not read the report fingerprint");
    } finally {
      this.checkingReport = false;
    }
  }
}

/** Ends a client whose errors no longer matter (one more on the way down must not crash the process). */
function closeQuietly(client: pg.Client) {
  client.removeAllListeners();
  client.on("error", () => {});
  void client.end().catch(() => {});
}
