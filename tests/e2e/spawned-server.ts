import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import { freePort } from "@/lib/db/embedded-postgres";
import { type DemoDatabase, startDemoDatabase } from "@/lib/demo/demo-database";
import { E2E_DATA_DIR } from "../../playwright.config";

/**
 * A second production server, started as an operator starts it (`node --import tsx
 * scripts/start.ts` with DATABASE_URL), for the tests that stop it or its database; the
 * suite's own webServer is left alone. Its output is kept for the assertions and for failures.
 */
export interface SpawnedServer {
  port: number;
  baseUrl: string;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** The start script's exit code once it has exited. */
  exited: Promise<number | null>;
  /** The start script itself: SIGTERM goes here, as systemd sends it. */
  process: ChildProcess;
  /** For `finally`: kills the start script and its Next.js server, whatever state they are in. */
  kill(): Promise<void>;
}

export const spawnStartScript = (env: Record<string, string>) =>
  spawnServer(process.execPath, ["--import", "tsx", "scripts/start.ts"], env);

/** `npm start` itself, as a person or the systemd unit of docs/deployment.md starts it: `process` is npm. */
export const spawnNpmStart = (env: Record<string, string>) => spawnServer("npm", ["start"], env);

/** `next start` on the suite's production build, without the start script's checks and demo: `process` is Next.js. */
export const spawnNextStart = (env: Record<string, string>) =>
  spawnServer(
    process.execPath,
    [path.resolve(import.meta.dirname, "../../node_modules/next/dist/bin/next"), "start"],
    env,
  );

async function spawnServer(command: string, args: string[], env: Record<string, string>): Promise<SpawnedServer> {
  const port = await freePort();
  const child = spawn(command, args, {
    cwd: path.resolve(import.meta.dirname, "../.."),
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env, PORT: String(port) },
    // Its own process group, so that cleanup reaches the Next.js server it spawns too.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    port,
    baseUrl: `http://localhost:${port}`,
    output: () => output,
    exited,
    process: child,
    async kill() {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // Already gone.
      }
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    },
  };
}

/** GET /api/health's status, or null while nothing answers on the port. */
export async function healthStatus(baseUrl: string): Promise<number | null> {
  try {
    return (await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(10_000) })).status;
  } catch {
    return null;
  }
}

/** Waits until the health check answers with `status` (the server may still be starting). */
export async function waitForHealth(server: SpawnedServer, status: number, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && server.process.exitCode === null) {
    if ((await healthStatus(server.baseUrl)) === status) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const why =
    server.process.exitCode === null
      ? `within ${timeoutMs} ms`
      : `before the server exited (${server.process.exitCode})`;
  throw new Error(`health never answered ${status} ${why}; server output:\n${server.output()}`);
}

/**
 * A demo database of the test's own (an embedded PostgreSQL with the generated demo data,
 * migrations and one account per role), in a folder under the e2e data folder, which the
 * suite empties at each run.
 */
export async function ownDemoDatabase(name: string): Promise<DemoDatabase & { dataDir: string; password: string }> {
  const dataDir = path.resolve(E2E_DATA_DIR, "spawned", name);
  rmSync(dataDir, { recursive: true, force: true });
  const demo = await startDemoDatabase(dataDir, () => {});
  return { ...demo, dataDir: path.join(dataDir, "postgres"), password: decodeURIComponent(new URL(demo.url).password) };
}

/** A fresh secret for a spawned server's sessions. */
export const newAuthSecret = () => randomBytes(32).toString("base64url");
