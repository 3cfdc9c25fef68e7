import type { Actor } from "@/lib/access/roles";
import type { Database } from "@/lib/db/prisma";
import { median } from "@/lib/reports/median";
import { resolveVariance } from "@/lib/variances/commands/resolve-variance";
import { getQueueVariances } from "@/lib/variances/queue";
import { queueFiltersSchema } from "@/lib/variances/queue-filters";
import { BULK_LIMIT } from "@/lib/variances/triage-limits";
import { type VarianceId, variancePath } from "@/lib/variances/variance-key";
import type { AppServer } from "./app-server";
import { resetTriage } from "./bench-data";
import { type LatencySummary, runLoad, summarise } from "./load";
import { actionRefusal, serverActionHeaders, serverActionId, serverActionStep } from "./server-action";

export interface ActionFigures {
  resolve: {
    concurrency1: LatencySummary;
    concurrency8: LatencySummary;
    dataFloorMs: number;
    resolvedInDatabase: number;
  };
  bulkResolve: { variances: number; runsMs: number[]; changed: number[] };
}

interface ActionContext {
  server: AppServer;
  db: Database;
  actor: Actor;
  cookie: string;
}

const ACTIONS_FILE = "app/(dashboard)/variances/actions.ts";
const NOTE = "Resolved by the bench.";
const FLOOR_RUNS = 5;

const openVariances = async (db: Database, actor: Actor): Promise<VarianceId[]> =>
  (await getQueueVariances(db, actor, queueFiltersSchema.parse({}))).items.map(({ type, key }) => ({ type, key }));

/** Single resolves from the variance page, each on a variance nobody touched, then bulk resolves of up to 1,000. */
export async function measureActions({ server, db, actor, cookie }: ActionContext): Promise<ActionFigures> {
  const open = await openVariances(db, actor);
  const floorTimes: number[] = [];
  for (const variance of open.slice(0, FLOOR_RUNS)) {
    const started = performance.now();
    await resolveVariance(db, actor, { ...variance, expectedVersion: 0, note: NOTE });
    floorTimes.push(performance.now() - started);
  }
  const untouched = open.slice(FLOOR_RUNS);
  let next = 0;
  const resolve = serverActionStep(server.origin, serverActionId(ACTIONS_FILE, "resolveVarianceAction"), () => {
    const variance = untouched[next++]!;
    return { pagePath: variancePath(variance), input: { ...variance, expectedVersion: 0, note: NOTE } };
  });
  // Fixed amounts, each variance used once: a second resolve of one would be (rightly) refused.
  const amount1 = Math.min(60, Math.floor(untouched.length / 3));
  const amount8 = Math.min(240, untouched.length - amount1);
  const concurrency1 = summarise(
    await runLoad(server.origin, [resolve], { cookies: [cookie], connections: 1, amount: amount1 }),
  );
  const concurrency8 = summarise(
    await runLoad(server.origin, [resolve], { cookies: [cookie], connections: 8, amount: amount8 }),
  );
  const resolvedInDatabase = await db.variance_triage.count({ where: { resolved_at: { not: null } } });

  const bulkId = serverActionId(ACTIONS_FILE, "bulkResolveVariancesAction");
  const selection = open.slice(0, BULK_LIMIT);
  const runsMs: number[] = [];
  const changed: number[] = [];
  for (let run = 0; run < 3; run++) {
    await resetTriage(server.databaseUrl);
    const started = performance.now();
    const response = await fetch(`${server.origin}/variances`, {
      method: "POST",
      headers: { ...serverActionHeaders(server.origin, bulkId), cookie },
      body: JSON.stringify([{ variances: selection, note: NOTE }]),
    });
    const body = await response.text();
    runsMs.push(Math.round(performance.now() - started));
    const refusal = actionRefusal(body);
    if (!response.ok || refusal) throw new Error(`bulk resolve failed: HTTP ${response.status} ${refusal ?? ""}`);
    changed.push(Number(/"changed":(\d+)/.exec(body)?.[1] ?? Number.NaN));
  }
  await resetTriage(server.databaseUrl);
  return {
    resolve: { concurrency1, concurrency8, dataFloorMs: Math.round(median(floorTimes)! * 10) / 10, resolvedInDatabase },
    bulkResolve: { variances: selection.length, runsMs, changed },
  };
}
