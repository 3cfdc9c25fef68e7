import pg from "pg";
import { connectionConfig } from "./connection-config";
import { poolSettings } from "./pool-settings";

/** Runs `work` on a single short-lived connection (for server-level statements such as CREATE DATABASE). */
export async function withClient<T>(connectionString: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  // The app's connect timeout, so an unreachable host fails in seconds, not at the OS's TCP timeout.
  const client = new pg.Client(
    connectionConfig(connectionString, { connectionTimeoutMillis: poolSettings().connectionTimeoutMs }),
  );
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
