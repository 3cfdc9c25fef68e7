import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { readEnvironment } from "@/lib/config/environment";
import { freePort } from "@/lib/db/embedded-postgres";
import type { DemoAccount } from "@/lib/demo/demo-accounts";
import { type ScaleTier, tierDataDir } from "@/lib/demo/scale-tiers";

export interface AppServer {
  origin: string;
  /** The tier's data folder: its embedded database and generated secrets. */
  dataDir: string;
  databaseUrl: string;
  accounts: DemoAccount[];
  /** The Next.js server process (not the start script or PostgreSQL), whose memory is measured. */
  nextPid(): number;
  stop(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, "../..");

/**
 * `npm start` on a scale tier's embedded demo database, exactly as an operator would run it:
 * the first start of a tier generates its data (minutes for L), later ones reuse it.
 */
export async function startAppServer(
  tier: ScaleTier,
  log: (line: string) => void,
  extraEnv: Record<string, string> = {},
): Promise<AppServer> {
  const port = await freePort();
  const dataDir = path.resolve(root, tierDataDir(readEnvironment().VD_DATA_DIR, tier));
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: root,
    env: { ...process.env, PORT: String(port), VD_DEMO_TIER: tier, DATABASE_URL: "", AUTH_SECRET: "", ...extraEnv },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let rollupsWarmed = () => {};
  // Measured is the app as it serves after its start-up warm-up (scripts/start.ts), not during it.
  const warmed = new Promise<void>((resolve) => (rollupsWarmed = resolve));
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding("utf8");
    stream?.on("data", (chunk: string) => {
      for (const line of chunk.split("\n")) {
        if (!line.startsWith("[start]")) continue;
        log(line);
        if (/report rollups/i.test(line)) rollupsWarmed();
      }
    });
  }
  const origin = `http://localhost:${port}`;
  await waitForHealth(origin, child);
  await warmed;
  const runtime = JSON.parse(readFileSync(path.join(dataDir, "demo-runtime.json"), "utf8")) as { databaseUrl: string };
  const secrets = JSON.parse(readFileSync(path.join(dataDir, "demo-secrets.json"), "utf8")) as {
    accounts: DemoAccount[];
  };
  return {
    origin,
    dataDir,
    databaseUrl: runtime.databaseUrl,
    accounts: secrets.accounts,
    nextPid: () => nextServerPid(child.pid ?? 0),
    stop: () => stopProcess(child),
  };
}

// Generating tier L takes up to 15 minutes on a 2-core machine, and the build a few more.
const START_TIMEOUT_MS = 30 * 60_000;

async function waitForHealth(origin: string, child: ChildProcess) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited with code ${child.exitCode} before serving`);
    const healthy = await fetch(`${origin}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`the app did not answer /api/health within ${START_TIMEOUT_MS / 60_000} minutes`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

/** The `next start` process among the start script's children (its other child is PostgreSQL). */
function nextServerPid(startPid: number): number {
  const children = (pid: number) =>
    readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  const next = children(startPid).find((pid) => readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("next"));
  if (!next) throw new Error("cannot find the Next.js server process");
  return next;
}

/** Resident memory of a process, in bytes (Linux). */
export function residentBytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Number(match[1]) * 1024 : 0;
}
