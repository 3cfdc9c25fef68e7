import { existsSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E_DATA_DIR } from "../../playwright.config";
import { type SpawnedServer, spawnNpmStart, waitForHealth } from "./spawned-server";

// scripts/start.ts's shutdown bound (25 s) and a margin for a loaded machine.
const STOP_WITHIN_MS = 35_000;

/** A process's command line, "" once it has exited. */
function processCommand(pid: string): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ").trim();
  } catch {
    return "";
  }
}

/**
 * Every process still alive that belongs to a start on `dataDir`: its environment names the
 * folder (npm, the start script, Next.js and PostgreSQL all inherit VD_DATA_DIR) or its command
 * line does (PostgreSQL's -D) or it works in it (PostgreSQL's backends). Zombies, already dead, do not count.
 */
function processesOf(dataDir: string): { pid: number; command: string }[] {
  const found: { pid: number; command: string }[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (/\) Z /.test(readFileSync(`/proc/${entry}/stat`, "utf8"))) continue;
      const command = processCommand(entry);
      const environment = readFileSync(`/proc/${entry}/environ`, "utf8").split("\0");
      if (
        environment.includes(`VD_DATA_DIR=${dataDir}`) ||
        command.includes(dataDir) ||
        readlinkSync(`/proc/${entry}/cwd`).startsWith(dataDir)
      )
        found.push({ pid: Number(entry), command });
    } catch {
      // Exited while being read.
    }
  }
  return found;
}

async function expectNothingLeft(dataDir: string) {
  await expect.poll(() => processesOf(dataDir), { timeout: 10_000 }).toEqual([]);
}

/** `npm start` on the demo in `dataDir`, serving. */
async function startDemo(dataDir: string): Promise<SpawnedServer> {
  const server = await spawnNpmStart({ VD_DATA_DIR: dataDir, DATABASE_URL: "", AUTH_SECRET: "" });
  await waitForHealth(server, 200, 180_000);
  return server;
}

/** A demo data folder of the test's own, under the e2e data folder that the suite empties at each run. */
const dataDirFor = (name: string) => path.resolve(E2E_DATA_DIR, "lifecycle", name);

async function stopWith(server: SpawnedServer, signal: NodeJS.Signals) {
  const started = Date.now();
  server.process.kill(signal);
  const code = await Promise.race([
    server.exited,
    new Promise<"hung">((resolve) => setTimeout(() => resolve("hung"), STOP_WITHIN_MS)),
  ]);
  expect(code, server.output()).toBe(0);
  expect(Date.now() - started).toBeLessThan(STOP_WITHIN_MS);
}

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  test(`${signal} to npm start stops the server and the demo database, leaving no process; the next start serves`, async () => {
    test.setTimeout(420_000);
    const dataDir = dataDirFor(signal.toLowerCase());
    let server: SpawnedServer | undefined;
    try {
      server = await startDemo(dataDir);
      await stopWith(server, signal);
      await expectNothingLeft(dataDir);
      expect(server.output()).toContain("[start] Stopping…");

      server = await startDemo(dataDir);
      await stopWith(server, "SIGTERM");
      await expectNothingLeft(dataDir);
    } finally {
      await server?.kill();
    }
  });
}

test("after a SIGKILL of everything (a stale lock), the next start serves", async () => {
  test.setTimeout(420_000);
  const dataDir = dataDirFor("sigkill-all");
  let server: SpawnedServer | undefined;
  try {
    server = await startDemo(dataDir);
    for (const { pid } of processesOf(dataDir)) process.kill(pid, "SIGKILL");
    await expectNothingLeft(dataDir);
    const lock = path.join(dataDir, "postgres", "postmaster.pid");
    expect(existsSync(lock)).toBe(true);
    // On a busy machine the dead server's PID is soon another process's. When that process runs
    // as PostgreSQL's own user (a backend of another cluster: here the suite's demo server),
    // PostgreSQL alone refuses to start ("lock file already exists").
    const otherServer = readdirSync("/proc").find(
      (entry) =>
        /^\d+$/.test(entry) &&
        processCommand(entry).includes("bin/postgres") &&
        !processCommand(entry).includes(dataDir),
    );
    expect(otherServer, "the suite's own demo PostgreSQL").toBeDefined();
    writeFileSync(lock, readFileSync(lock, "utf8").replace(/^\d+/, otherServer!));

    server = await startDemo(dataDir);
    await stopWith(server, "SIGTERM");
    await expectNothingLeft(dataDir);
  } finally {
    await server?.kill();
  }
});

test("a demo database left running by a killed start is stopped by the next start, which serves", async () => {
  test.setTimeout(420_000);
  const dataDir = dataDirFor("orphaned-database");
  let server: SpawnedServer | undefined;
  try {
    server = await startDemo(dataDir);
    // Kill everything but PostgreSQL (the server and its own processes, "postgres: checkpointer"
    // and the like), which is left behind as an orphan (the case).
    const isPostgres = (command: string) => command.includes("bin/postgres") || command.startsWith("postgres:");
    for (const { pid, command } of processesOf(dataDir)) if (!isPostgres(command)) process.kill(pid, "SIGKILL");
    const left = () => {
      const commands = processesOf(dataDir).map(({ command }) => command);
      return {
        server: commands.some((command) => command.includes("bin/postgres")),
        others: commands.filter((command) => !isPostgres(command)),
      };
    };
    await expect.poll(left, { timeout: 10_000 }).toEqual({ server: true, others: [] });

    server = await startDemo(dataDir);
    expect(server.output()).toMatch(/A PostgreSQL left running on .* by an earlier run \(PID \d+\): stopping it/);
    expect(server.output()).not.toContain("undefined");
    await stopWith(server, "SIGTERM");
    await expectNothingLeft(dataDir);
  } finally {
    await server?.kill();
  }
});
