import { parseArgs } from "node:util";
import pg from "pg";
import { z } from "zod";
import { connectionConfig } from "@/lib/db/connection-config";
import { type DemoOptions, type DemoSummary, generateDemoData, resolveDemoOptions } from "@/lib/demo/generate";
import { parseScaleTier, SCALE_TIERS } from "@/lib/demo/scale-tiers";
import { createUpstreamSchema } from "@/lib/demo/upstream-schema";

const USAGE = `Usage: npm run demo:generate -- --url <postgres url> [--tier demo|M|L] [--seed N] [--ninja N] [--threatlocker N] [--orgs N] [--days N] [--end-date YYYY-MM-DD]

Fills a database with generated demo inventory. Creates the upstream-compatible tables when
they are absent; refuses a database whose device_snapshot already has rows. A tier sets the
fleet size (M: 5,000 devices per vendor, 200 organisations, 180 days; L: 25,000, 1,000, 365);
the other flags override it.`;

function options(): { url: string; demo: DemoOptions } {
  const { values } = parseArgs({
    options: {
      url: { type: "string" },
      tier: { type: "string" },
      seed: { type: "string" },
      ninja: { type: "string" },
      threatlocker: { type: "string" },
      orgs: { type: "string" },
      days: { type: "string" },
      "end-date": { type: "string" },
    },
  });
  if (!values.url) throw new Error("--url is required");
  return {
    url: values.url,
    demo: {
      ...SCALE_TIERS[parseScaleTier(values.tier)],
      ...definedOnly({
        seed: integer("--seed", values.seed),
        ninjaDevices: integer("--ninja", values.ninja),
        threatlockerDevices: integer("--threatlocker", values.threatlocker),
        organizations: integer("--orgs", values.orgs),
        days: integer("--days", values.days),
        endDate: values["end-date"],
      }),
    },
  };
}

const definedOnly = <T extends object>(values: T): Partial<T> =>
  Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;

function integer(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value)) throw new Error(`${flag} must be an integer, got "${value}"`);
  return Number(value);
}

/** Creates the upstream tables in an empty database; returns the rows device_snapshot already holds. */
async function prepare(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ present: boolean }>(
    `SELECT to_regclass('public.device_snapshot') IS NOT NULL AS present`,
  );
  if (!rows[0]?.present) {
    await createUpstreamSchema(pool);
    console.log("Created the upstream-compatible tables.");
    return 0;
  }
  const count = await pool.query<{ rows: number }>(`SELECT count(*)::int AS rows FROM device_snapshot`);
  return count.rows[0]?.rows ?? 0;
}

function report(summary: DemoSummary, seconds: number) {
  const last = summary.perDate.at(-1);
  console.log(`Generated ${summary.dates} dates, ${summary.startDate} to ${summary.endDate}:`);
  console.log(
    `  ${summary.organizations} organisations, ${summary.sites} sites, ${summary.deviceIdentities} device identities`,
  );
  console.log(
    `  ${summary.snapshotRows} snapshot rows, ${summary.exceptionRows} exceptions, ${summary.jobRuns} job runs`,
  );
  console.log(
    `  Ninja missing on ${summary.ninjaMissingDate ?? "no date"}; ThreatLocker empty on ${summary.threatlockerEmptyDate ?? "no date"}`,
  );
  if (summary.namingDrift) console.log(`  naming drift ${summary.namingDrift.from} to ${summary.namingDrift.to}`);
  if (last) {
    console.log(`  last date: ${last.ninjaRows} Ninja rows, ${last.threatlockerRows} ThreatLocker rows`);
    for (const [type, count] of Object.entries(last.exceptions)) console.log(`    ${type}: ${count}`);
  }
  console.log(`Done in ${seconds.toFixed(1)} s.`);
}

async function main(): Promise<number> {
  let settings: ReturnType<typeof options>;
  try {
    settings = options();
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : error}\n\n${USAGE}`);
    return 1;
  }
  const pool = new pg.Pool(connectionConfig(settings.url, { max: 2 }));
  try {
    const demo = resolveDemoOptions(settings.demo);
    const existing = await prepare(pool);
    if (existing > 0) {
      console.error(`Refusing to generate: device_snapshot already has ${existing} rows. Use an empty database.`);
      return 1;
    }
    const started = performance.now();
    const summary = await generateDemoData(pool, demo);
    report(summary, (performance.now() - started) / 1000);
    return 0;
  } catch (error) {
    const reason =
      error instanceof z.ZodError ? z.prettifyError(error) : error instanceof Error ? error.message : String(error);
    console.error(`Demo generation failed:\n${reason}`);
    return 1;
  } finally {
    await pool.end();
  }
}

process.exitCode = await main();
