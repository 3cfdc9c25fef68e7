import pg from "pg";
import { connectionConfig } from "./connection-config";
import { isDatabaseUnreachable } from "./connection-errors";
import { poolSettings } from "./pool-settings";

// One answer serves every page request of the next second: a probe a second at most.
const ANSWER_FRESH_MS = 1_000;

let pool: pg.Pool | null = null;
let answer: { reachable: boolean; at: number } | null = null;
let inFlight: Promise<boolean> | null = null;

async function probe(databaseUrl: string): Promise<boolean> {
  if (!pool) {
    const { connectionTimeoutMs } = poolSettings();
    // query_timeout: a host that vanished without closing the connection must not hold every page.
    pool = new pg.Pool(
      connectionConfig(databaseUrl, {
        max: 1,
        connectionTimeoutMillis: connectionTimeoutMs,
        query_timeout: connectionTimeoutMs,
        idleTimeoutMillis: 30_000,
      }),
    );
    // A restart of PostgreSQL breaks the idle connection; the next probe opens a new one.
    pool.on("error", () => {});
  }
  try {
    await pool.query("SELECT 1");
    return true;
  } catch (error) {
    // Any other failure (a revoked grant, say) is for the page itself to report.
    return !isDatabaseUnreachable(error);
  }
}

/**
 * Whether PostgreSQL answers, asked before a page renders so that its status can be 503 while
 * the database is down: a page streams its 200 before the data it waits for fails.
 */
export async function databaseReachable(databaseUrl: string | undefined): Promise<boolean> {
  if (!databaseUrl) return true;
  if (answer && Date.now() - answer.at < ANSWER_FRESH_MS) return answer.reachable;
  inFlight ??= probe(databaseUrl).then((reachable) => {
    answer = { reachable, at: Date.now() };
    inFlight = null;
    return reachable;
  });
  return inFlight;
}
