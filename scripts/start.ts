/**
 * `npm start`: serves the dashboard.
 * - Without DATABASE_URL: zero-setup demo on an embedded PostgreSQL (data in .data/).
 * - With DATABASE_URL: checks the database first, applies the dashboard's migrations, never loads demo data.
 *   A database that cannot be reached (yet) does not stop the start: the app serves a "database
 *   unreachable — retrying" page and the check and migrations run as soon as it answers.
 * `--dev` runs `next dev` instead of the production server.
 */
import "./load-env";
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import {
  EnvironmentError,
  readEnvironment,
  readServerEnvironment,
  type ServerEnvironment,
} from "@/lib/config/environment";
import { isDatabaseUnreachable } from "@/lib/db/connection-errors";
import { stopEmbeddedClusters } from "@/lib/db/embedded-postgres";
import { migrateDashboardSchema } from "@/lib/db/migrate";
import { preflightDatabase, StartupRefusedError } from "@/lib/db/preflight";
import { createPrismaClient } from "@/lib/db/prisma";
import { startDemoDatabase } from "@/lib/demo/demo-database";
import { DEMO_INTERNAL_ORGANIZATION_NAMES } from "@/lib/demo/organizations";
import { parseScaleTier, SCALE_TIERS, tierDataDir } from "@/lib/demo/scale-tiers";
import { INTERNAL_ORGANIZATIONS_ENV } from "@/lib/organizations/internal-organizations";
import { warmRollups } from "@/lib/rollups/warm-rollups";

const root = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
const log = (line: string) => console.log(`[start] ${line}`);
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
// Tells the app each request's TCP peer, which the sign-in throttle needs to know whether a proxy is trusted.
const peerAddressPreload = path.join(root, "scripts", "peer-address-preload.cjs");

function newestSourceChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".") || entry.name === "generated") continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceChange(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Whether there is no production build or the sources changed since the last one. */
function productionBuildNeeded(): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  const sources = [
    "app",
    "components",
    "lib",
    "proxy.ts",
    "instrumentation.ts",
    "instrumentation-node.ts",
    "next.config.mjs",
  ].map((name) => path.join(root, name));
  const built = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  return sources.some(
    (source) =>
      existsSync(source) &&
      (statSync(source).isDirectory() ? newestSourceChange(source) : statSync(source).mtimeMs) > built,
  );
}

// next build's own output goes quiet for minutes while it compiles; this says it is still working.
const BUILD_PROGRESS_EVERY_MS = 20_000;

/** Runs `next build` as the current child (so a signal stops it), saying how long it has taken. */
async function build(env: NodeJS.ProcessEnv) {
  log("Building the app (next build) — the first start takes about 3–7 minutes on 2 cores; later starts skip this.");
  const started = Date.now();
  const progress = setInterval(
    () => log(`Still building… ${Math.round((Date.now() - started) / 1000)} s so far.`),
    BUILD_PROGRESS_EVERY_MS,
  );
  try {
    const code = await new Promise<number | null>((resolve) => {
      current = spawn(process.execPath, [nextBin, "build"], { cwd: root, env, stdio: "inherit" });
      current.on("exit", (exitCode) => resolve(exitCode));
    });
    if (stopping) return;
    if (code !== 0) throw new StartupRefusedError(`next build failed (exit code ${code}): see its output above.`);
    log(`Built in ${Math.round((Date.now() - started) / 1000)} s.`);
  } finally {
    clearInterval(progress);
  }
}

// Under systemd's default TimeoutStopSec (90 s) and the sample unit's 30 s.
const SHUTDOWN_TIMEOUT_MS = 25_000;
// How often the check and migrations are tried again while the database is unreachable.
const DATABASE_RETRY_MS = 1_000;
// While it stays unreachable, the same cause is logged again only this often.
const UNREACHABLE_LOG_EVERY_MS = 30_000;

/** The check before serving an operator's database, then the pending migrations. */
async function prepareDatabase(settings: ServerEnvironment) {
  for (const warning of await preflightDatabase(settings.DATABASE_URL)) log(warning);
  // The app's own role may lack the rights to create tables; the schema owner's URL can be given apart.
  await migrateDashboardSchema(settings.MIGRATION_DATABASE_URL || settings.DATABASE_URL, log);
}

/**
 * Retries prepareDatabase until it passes; resolves then, rejects on a failure that waiting
 * cannot fix (a wrong password, an incompatible schema), or when `stopped` says to give up.
 */
async function prepareDatabaseWhenReachable(settings: ServerEnvironment, stopped: () => boolean) {
  let lastLogged = { message: "", at: 0 };
  while (!stopped()) {
    await new Promise((resolve) => setTimeout(resolve, DATABASE_RETRY_MS));
    try {
      await prepareDatabase(settings);
      log("The database answers again: checks passed, the dashboard is fully available.");
      return;
    } catch (error) {
      if (!isDatabaseUnreachable(error)) throw error;
      const message = (error as Error).message;
      if (message !== lastLogged.message || Date.now() - lastLogged.at > UNREACHABLE_LOG_EVERY_MS) {
        log(`Still waiting for the database: ${message}`);
        lastLogged = { message, at: Date.now() };
      }
    }
  }
}

/** The child running now: `next build`, then the Next.js server. */
let current: ChildProcess | null = null;
let server: ChildProcess | null = null;
let stopping = false;

const exitOf = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((resolve) => child.once("exit", () => resolve()));

/**
 * Stops everything this start started, in order, then exits: the child (Next.js stops accepting
 * connections on SIGTERM and finishes the requests in flight, the build just stops), then the
 * embedded demo database, which stays up until the server is done with it. A hung child cannot
 * hold the stop beyond the bound.
 */
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  const child = current;
  if (child && child.exitCode === null && child.signalCode === null) {
    log("Stopping…");
    child.kill("SIGTERM");
    const deadline = setTimeout(() => {
      log(
        `The ${child === server ? "server" : "build"} did not stop within ${SHUTDOWN_TIMEOUT_MS / 1000} s; killing it.`,
      );
      child.kill("SIGKILL");
    }, SHUTDOWN_TIMEOUT_MS);
    await exitOf(child);
    clearTimeout(deadline);
  }
  await stopEmbeddedClusters();
  process.exit(code);
}

// Importing embedded-postgres installs async-exit-hook, whose SIGINT/SIGTERM handlers stop its
// clusters and exit at once: the Next.js server (or the build) would be orphaned, mid-request, and
// the database stopped under it. This process stops all of them itself, in order, from the first
// moment: a signal during the database's start or the build stops those too.
process.removeAllListeners("SIGINT");
process.removeAllListeners("SIGTERM");
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

async function main() {
  // What the Next.js server is started with: the operator's variables, plus the demo's own.
  const env: NodeJS.ProcessEnv = { ...process.env };
  const settings = readEnvironment(env);
  let databaseUnreachable = false;
  // The demo is recognised here only: it fills in DATABASE_URL and AUTH_SECRET for the server.
  const demo = !settings.DATABASE_URL;
  // Refused before any work, as the server would refuse it (instrumentation.ts).
  const serverSettings = demo ? null : readServerEnvironment(env);

  if (serverSettings) {
    log("Checking the database and applying the dashboard's migrations…");
    try {
      await prepareDatabase(serverSettings);
    } catch (error) {
      if (!isDatabaseUnreachable(error)) throw error;
      // Started before the database (a reboot, an upgrade): serve and keep trying rather than exit.
      databaseUnreachable = true;
      log(
        `${(error as Error).message} Serving a "database unreachable — retrying" page; trying again every ${DATABASE_RETRY_MS / 1000} s.`,
      );
    }
  } else {
    const tier = parseScaleTier(settings.VD_DEMO_TIER);
    log(`No DATABASE_URL: starting the embedded demo database${tier === "demo" ? "" : ` (scale tier ${tier})`}…`);
    const dataDir = path.resolve(root, tierDataDir(settings.VD_DATA_DIR, tier));
    const database = await startDemoDatabase(dataDir, log, SCALE_TIERS[tier]);
    env.DATABASE_URL = database.url;
    // The demo's own organisations, so the "leave out internal" toggle has something to do.
    env[INTERNAL_ORGANIZATIONS_ENV] ??= DEMO_INTERNAL_ORGANIZATION_NAMES.join(",");
    if (!env.AUTH_SECRET) {
      env.AUTH_SECRET = database.authSecret;
      log(
        `Demo mode: using the AUTH_SECRET generated for this installation (${path.join(dataDir, "demo-secrets.json")}).`,
      );
    }
    log(`Demo database: ${database.url}`);
    log("Demo accounts (email / password / role):");
    for (const account of database.accounts) log(`  ${account.email}  ${account.password}  ${account.role}`);
  }
  // Only filled in: an explicit empty value ("do not trust X-Forwarded-Host") is left as it is.
  env.AUTH_TRUST_HOST ??= settings.AUTH_TRUST_HOST;
  env.NEXT_TELEMETRY_DISABLED ??= "1";

  if (!dev && productionBuildNeeded()) await build(env);
  if (stopping) return;
  const port = String(settings.PORT);
  // The demo prints its passwords: it listens on this machine only unless HOST says otherwise.
  const host = settings.HOST || (demo ? "127.0.0.1" : undefined);
  log(`Starting the server (next ${dev ? "dev" : "start"})…`);
  server = spawn(
    process.execPath,
    ["--require", peerAddressPreload, nextBin, dev ? "dev" : "start", "-p", port, ...(host ? ["-H", host] : [])],
    { cwd: root, env, stdio: "inherit" },
  );
  current = server;
  log(
    `Serving on http://${host && host !== "0.0.0.0" && host !== "::" ? host : "localhost"}:${port} — stop with Ctrl+C (or SIGTERM to this process).`,
  );
  if (!databaseUnreachable) warmRollupsInBackground(env.DATABASE_URL!);
  server.on("exit", (code) => void shutdown(code ?? 0));

  if (serverSettings && databaseUnreachable) {
    prepareDatabaseWhenReachable(serverSettings, () => stopping).then(
      () => warmRollupsInBackground(env.DATABASE_URL!),
      (error: unknown) => {
        reportStartupFailure(error);
        void shutdown(1);
      },
    );
  }
}

/** Fills the report rollups beside the server (lib/rollups/warm-rollups.ts); a failure only costs the first request its speed. */
function warmRollupsInBackground(url: string) {
  const started = Date.now();
  const db = createPrismaClient(url);
  warmRollups(db)
    .then(() => log(`Report rollups are current (${((Date.now() - started) / 1000).toFixed(1)} s).`))
    .catch((error: unknown) =>
      log(`Could not fill the report rollups ahead (the first pages will): ${(error as Error).message}`),
    )
    .finally(() => void db.$disconnect());
}

function reportStartupFailure(error: unknown) {
  if (error instanceof StartupRefusedError || error instanceof EnvironmentError) {
    console.error(`[start] Refusing to start: ${error.message}`);
  } else {
    // Never "undefined": whatever was thrown, say something a person can act on.
    const cause = error instanceof Error ? (error.stack ?? error.message) : `${String(error)} (no further detail)`;
    console.error(`[start] Start-up failed: ${cause}`);
  }
}

main().catch((error: unknown) => {
  reportStartupFailure(error);
  // The demo database may be up already: stop it rather than leave it behind.
  void shutdown(1);
});
