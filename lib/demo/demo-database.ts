import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { connectionConfig } from "@/lib/db/connection-config";
import { type EmbeddedCluster, startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { migrateDashboardSchema } from "@/lib/db/migrate";
import { createPrismaClient } from "@/lib/db/prisma";
import { withClient } from "@/lib/db/with-client";
import { type DemoAccount, ensureDemoAccounts, newDemoAccounts } from "./demo-accounts";
import { type DemoOptions, generateDemoData } from "./generate";
import { createUpstreamSchema } from "./upstream-schema";

const DATABASE = "es_inventory_hub";

/** Per-installation secrets of the demo, kept beside its data in the git-ignored folder. */
interface DemoSecrets {
  postgresPassword: string;
  authSecret: string;
  accounts: DemoAccount[];
}

function loadOrCreateSecrets(file: string): DemoSecrets {
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as DemoSecrets;
  const secrets: DemoSecrets = {
    postgresPassword: randomBytes(18).toString("base64url"),
    authSecret: randomBytes(32).toString("base64url"),
    accounts: newDemoAccounts(),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

export interface DemoDatabase {
  url: string;
  authSecret: string;
  accounts: DemoAccount[];
  cluster: EmbeddedCluster;
}

/**
 * The zero-setup database: an embedded PostgreSQL 16 in `dataDir`, holding upstream-
 * compatible tables with generated demo data (the default fleet, or a scale tier's). The
 * first start creates and fills it; later starts reuse it as it is.
 */
export async function startDemoDatabase(
  dataDir: string,
  log: (line: string) => void,
  demoOptions: DemoOptions = {},
): Promise<DemoDatabase> {
  mkdirSync(dataDir, { recursive: true });
  const secrets = loadOrCreateSecrets(path.join(dataDir, "demo-secrets.json"));
  const cluster = await startEmbeddedPostgres({
    dataDir: path.join(dataDir, "postgres"),
    password: secrets.postgresPassword,
    notice: log,
  });
  const url = cluster.url(DATABASE);

  if (!(await databaseExists(cluster, DATABASE))) {
    log("First start: creating the demo database (upstream tables and generated data)…");
    const started = Date.now();
    const summary = await buildDemoDatabase(cluster, demoOptions);
    log(
      `Demo data ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${summary.dates} days to ${summary.endDate}, ` +
        `${summary.snapshotRows} device snapshots, ${summary.exceptionRows} exceptions.`,
    );
  }

  await migrateDashboardSchema(url, log);
  const prisma = createPrismaClient(url);
  try {
    await ensureDemoAccounts(prisma, secrets.accounts);
  } finally {
    await prisma.$disconnect();
  }
  // Lets local tools and the end-to-end tests find this run's database (its port changes per start).
  writeFileSync(path.join(dataDir, "demo-runtime.json"), JSON.stringify({ databaseUrl: url }), { mode: 0o600 });
  return { url, authSecret: secrets.authSecret, accounts: secrets.accounts, cluster };
}

const databaseExists = (cluster: EmbeddedCluster, name: string) =>
  withClient(
    cluster.url(),
    async (client) => !!(await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount,
  );

/** Fills a scratch database and renames it only when complete, so a failed first start is retried whole. */
async function buildDemoDatabase(cluster: EmbeddedCluster, demoOptions: DemoOptions) {
  const building = `${DATABASE}_building`;
  await withClient(cluster.url(), async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${building}`);
    await client.query(`CREATE DATABASE ${building}`);
  });
  const pool = new pg.Pool(connectionConfig(cluster.url(building), { max: 2 }));
  let summary;
  try {
    await createUpstreamSchema(pool);
    summary = await generateDemoData(pool, demoOptions);
  } finally {
    await pool.end();
  }
  await withClient(cluster.url(), (client) => client.query(`ALTER DATABASE ${building} RENAME TO ${DATABASE}`));
  return summary;
}
