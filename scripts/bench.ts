/**
 * `npm run bench -- --tier M`: the production app on a scale tier's demo database, measured
 * route by route with autocannon at concurrency 1 and 8, beside each route's data floor (the
 * same lib calls without HTTP or rendering), its first-load JavaScript, the triage actions,
 * a 1,000-variance bulk resolve, a 100,000-row CSV export and the server's memory.
 * Prints a table and writes the same as JSON (bench-results/) to compare runs.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { type Actor, roleSchema } from "@/lib/access/roles";
import { createPrismaClient, type Database } from "@/lib/db/prisma";
import { parseScaleTier } from "@/lib/demo/scale-tiers";
import { scriptLogger } from "@/lib/logging/logger";
import { median } from "@/lib/reports/median";
import { measureActions } from "./bench/actions";
import { startAppServer } from "./bench/app-server";
import { resetTriage } from "./bench/bench-data";
import { measureExport } from "./bench/export";
import { firstLoadJsBytes } from "./bench/first-load-js";
import { runLoad, summarise } from "./bench/load";
import { megabytes, memorySampler } from "./bench/memory";
import { type BenchReport, printReport, type RouteFigures } from "./bench/report";
import { benchRoutes, pickTargets } from "./bench/routes";
import { signInOverHttp } from "./bench/sign-in";
import { setUpstreamIndexes } from "./bench/upstream-indexes";

const { values } = parseArgs({
  options: {
    tier: { type: "string", default: "M" },
    seconds: { type: "string", default: "10" },
    "upstream-indexes": { type: "boolean", default: false },
    out: { type: "string" },
    // While working on a few routes: measure only those whose names contain one of these words (no actions, no export).
    only: { type: "string" },
  },
});
const only = values.only?.split(",").map((word) => word.trim().toLowerCase());
const tier = parseScaleTier(values.tier);
const seconds = Number(values.seconds);
const log = (line: string) => console.error(`[bench] ${line}`);

/** Median wall time of the route's lib calls, after one warm-up call. */
async function dataFloorMs(read: () => Promise<unknown>): Promise<number> {
  await read();
  const times: number[] = [];
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    await read();
    times.push(performance.now() - started);
  }
  return Math.round(median(times)! * 10) / 10;
}

async function actorFor(db: Database, email: string): Promise<Actor> {
  const user = await db.users.findUniqueOrThrow({
    where: { email },
    select: { id: true, email: true, name: true, role: true },
  });
  return { ...user, role: roleSchema.parse(user.role) };
}

async function main() {
  log(`tier ${tier}: starting the production app (the first start of a tier generates its data)…`);
  const server = await startAppServer(tier, log);
  const db = createPrismaClient(server.databaseUrl);
  const memory = memorySampler(server.nextPid());
  try {
    await setUpstreamIndexes(server.databaseUrl, values["upstream-indexes"]);
    await resetTriage(server.databaseUrl);
    const technician = server.accounts.find((account) => account.role === "technician")!;
    const cookie = await signInOverHttp(server.origin, technician.email, technician.password);
    const actor = await actorFor(db, technician.email);
    const targets = await pickTargets(db, actor);
    const idleMemory = memory.mark();

    const routes: RouteFigures[] = [];
    for (const route of benchRoutes(targets).filter(
      (route) => !only || only.some((word) => route.name.includes(word)),
    )) {
      log(`${route.name}: ${route.path}`);
      const steps = [{ path: route.path }];
      await runLoad(server.origin, steps, { cookies: [cookie], connections: 1, amount: 3 });
      // A slow route answers too few times in the time given to say anything; it gets a fixed count instead.
      const measure = async (connections: number) => {
        const timed = await runLoad(server.origin, steps, { cookies: [cookie], connections, durationSeconds: seconds });
        return summarise(
          timed.requests >= 2 * connections + 8
            ? timed
            : await runLoad(server.origin, steps, { cookies: [cookie], connections, amount: 2 * connections + 8 }),
        );
      };
      const concurrency1 = await measure(1);
      const concurrency8 = await measure(8);
      routes.push({
        name: route.name,
        path: route.path,
        concurrency1,
        concurrency8,
        dataFloorMs: await dataFloorMs(() => route.data(db, actor)),
        firstLoadJsKb: route.page
          ? Math.round((await firstLoadJsBytes(server.origin, route.path, cookie)) / 102.4) / 10
          : null,
      });
    }

    log(only ? "skipping the actions and the export (--only)" : "triage actions…");
    const actions = only ? null : await measureActions({ server, db, actor, cookie });
    if (!only) log("CSV export of 100,000 rows…");
    const csvExport = only
      ? null
      : await measureExport({ server, db, actor, cookie, memory, reportDate: targets.reportDate });

    const report: BenchReport = {
      tier,
      upstreamIndexes: values["upstream-indexes"],
      measuredAt: new Date().toISOString(),
      machine: machineDescription(),
      seconds,
      targets,
      routes,
      actions,
      csvExport,
      memoryMb: { idle: megabytes(idleMemory), peak: megabytes(memory.overallPeak()) },
    };
    printReport(report);
    const out =
      values.out ??
      path.join(
        "bench-results",
        `${tier}${values["upstream-indexes"] ? "-indexed" : ""}-${report.measuredAt.replace(/[:.]/g, "-")}.json`,
      );
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
    log(`wrote ${out}`);
  } finally {
    memory.stop();
    await resetTriage(server.databaseUrl).catch(() => {});
    await db.$disconnect();
    await server.stop();
  }
}

const machineDescription = () =>
  `${process.platform}, ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 1024 ** 3)} GB, Node ${process.version}`;

main().catch((error: unknown) => {
  scriptLogger().error({ err: error }, "bench failed");
  process.exit(1);
});
