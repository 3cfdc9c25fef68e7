import pg from "pg";

/** Runs `work` on a single short-lived connection (for server-level statements such as CREATE DATABASE). */
export async function withClient<T>(connectionString: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
