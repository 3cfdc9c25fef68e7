/**
 * `npm run load -- --tier M`: 50 signed-in technicians use the production app at once for
 * 60 seconds — overview, queue, a variance, a device search, notes and resolutions — each
 * pausing a random think time (on average --think-seconds) after every answer, as people
 * read between clicks (scripts/bench/users.ts). Fails (exit 1) on any error, a p95 over 3× the
 * single-user p95 of the same mix, server memory after the run over 120 % of before, or an
 * action whose effect is missing from the database.
 */
import { parseArgs } from "node:util";
import { createPrismaClient } from "@/lib/db/prisma";
import { parseScaleTier } from "@/lib/demo/scale-tiers";
import { scriptLogger } from "@/lib/logging/logger";
import { getQueueVariances } from "@/lib/variances/queue";
import { queueFiltersSchema, queueQuery } from "@/lib/variances/queue-filters";
import { type VarianceId, variancePath } from "@/lib/variances/variance-key";
import { type AppServer, startAppServer } from "./bench/app-server";
import { resetTriage } from "./bench/bench-data";
import { type LoadStep, runLoad, summarise } from "./bench/load";
import { ensureLoadUsers } from "./bench/load-users";
import { megabytes, memorySampler } from "./bench/memory";
import { serverActionId, serverActionStep } from "./bench/server-action";
import { signInOverHttp } from "./bench/sign-in";
import { runUsers } from "./bench/users";

const { values } = parseArgs({
  options: {
    tier: { type: "string", default: "M" },
    users: { type: "string", default: "50" },
    seconds: { type: "string", default: "60" },
    "think-seconds": { type: "string", default: "5" },
  },
});
const tier = parseScaleTier(values.tier);
const userCount = Number(values.users);
const seconds = Number(values.seconds);
const thinkSeconds = Number(values["think-seconds"]);
const log = (line: string) => console.error(`[load] ${line}`);

const ACTIONS_FILE = "app/(dashboard)/variances/actions.ts";
const NOTE = "Checked during the load test.";

/**
 * One person's round: read the overview, the queue, a variance, note it, an organisation's
 * queue, a device search, and resolve a variance. Resolutions take variances nobody has
 * resolved yet; `sent` counts the actions so the database can be checked afterwards.
 */
function journey(
  server: AppServer,
  open: readonly VarianceId[],
  organization: string,
  sent: ActionCounts,
  answered: ActionCounts,
): LoadStep[] {
  const noteId = serverActionId(ACTIONS_FILE, "addVarianceNoteAction");
  const resolveId = serverActionId(ACTIONS_FILE, "resolveVarianceAction");
  let viewed = 0;
  const nextViewed = () => open[viewed++ % open.length]!;
  return [
    { path: "/?window=90" },
    { path: "/variances" },
    { path: "/", prepare: () => ({ path: variancePath(nextViewed()) }) },
    {
      ...serverActionStep(server.origin, noteId, () => {
        sent.notes++;
        const variance = nextViewed();
        return { pagePath: variancePath(variance), input: { ...variance, text: NOTE } };
      }),
      answered: () => answered.notes++,
    },
    { path: `/variances${queueQuery({ org: organization })}` },
    { path: "/", prepare: () => ({ path: `/devices?q=${encodeURIComponent(nextViewed().key.slice(0, 4))}` }) },
    {
      ...serverActionStep(server.origin, resolveId, () => {
        const variance = open[sent.resolves++];
        if (!variance)
          throw new Error("the tier has too few open variances for this many resolutions; shorten the run");
        return { pagePath: variancePath(variance), input: { ...variance, expectedVersion: 0, note: NOTE } };
      }),
      answered: () => answered.resolves++,
    },
  ];
}

interface ActionCounts {
  notes: number;
  resolves: number;
}

/**
 * Every action answered must have its effect in the database, and nothing beyond what was
 * sent may be there (a request cut off as the run ends may or may not have been carried out).
 */
const missingEffects = (kind: string, sent: number, answered: number, stored: number) =>
  stored < answered
    ? `${answered - stored} answered ${kind} missing`
    : stored > sent
      ? `${stored - sent} ${kind} more than sent`
      : false;

async function main(): Promise<number> {
  log(`tier ${tier}: starting the production app…`);
  const server = await startAppServer(tier, log);
  const db = createPrismaClient(server.databaseUrl);
  const memory = memorySampler(server.nextPid());
  try {
    await resetTriage(server.databaseUrl);
    const users = await ensureLoadUsers(db, server.dataDir, userCount);
    const cookies = await Promise.all(users.map((user) => signInOverHttp(server.origin, user.email, user.password)));
    const loadUserIds = (
      await db.users.findMany({ where: { email: { in: users.map((user) => user.email) } }, select: { id: true } })
    ).map((user) => user.id);
    const reader = await db.users.findFirstOrThrow({
      where: { email: users[0]!.email },
      select: { id: true, email: true, name: true },
    });
    const { items } = await getQueueVariances(db, { ...reader, role: "technician" }, queueFiltersSchema.parse({}));
    const open = items.map(({ type, key }) => ({ type, key }));
    const organization = items[0]?.organization ?? "";

    log("one user, to compare with…");
    const singleRun = summarise(
      await runLoad(
        server.origin,
        journey(server, open, organization, { notes: 0, resolves: 0 }, { notes: 0, resolves: 0 }),
        {
          cookies: [cookies[0]!],
          connections: 1,
          durationSeconds: 20,
        },
      ),
    );
    await resetTriage(server.databaseUrl);
    await new Promise((resolve) => setTimeout(resolve, 5000));
    const before = memory.mark();

    log(`${userCount} users for ${seconds} s, each thinking ${values["think-seconds"]} s on average between clicks…`);
    const sent = { notes: 0, resolves: 0 };
    const answered = { notes: 0, resolves: 0 };
    const notesBefore = await db.variance_notes.count({ where: { author_user_id: { in: loadUserIds } } });
    const run = await runUsers(server.origin, journey(server, open, organization, sent, answered), {
      cookies,
      durationSeconds: seconds,
      thinkSeconds,
    });
    const all = summarise(run);
    const peak = memory.peakSinceMark();
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    const after = memory.mark();

    const notesAdded =
      (await db.variance_notes.count({ where: { author_user_id: { in: loadUserIds } } })) - notesBefore;
    const resolvedNow = await db.variance_triage.count({ where: { resolved_by_user_id: { in: loadUserIds } } });
    const { errorSamples } = run;

    console.log(
      `\nLoad test, tier ${tier}: ${userCount} users × ${seconds} s, ${values["think-seconds"]} s average think time (${new Date().toISOString()})`,
    );
    console.log(
      `single user: ${singleRun.requests} requests, p50 ${singleRun.p50} ms, p95 ${singleRun.p95} ms, max ${singleRun.max} ms, ${singleRun.errors} errors`,
    );
    console.log(
      `${userCount} users:  ${all.requests} requests (${all.rps}/s), p50 ${all.p50} ms, p95 ${all.p95} ms, max ${all.max} ms, ${all.errors} errors`,
    );
    console.log(
      `memory: ${megabytes(before)} MB before, ${megabytes(peak)} MB peak, ${megabytes(after)} MB 10 s after`,
    );
    console.log(
      `effects: notes ${sent.notes} sent, ${answered.notes} answered, ${notesAdded} in the database; ` +
        `resolutions ${sent.resolves} sent, ${answered.resolves} answered, ${resolvedNow} in the database`,
    );
    for (const sample of errorSamples) console.log(`  error: ${sample}`);

    const failures = [
      all.errors > 0 && `${all.errors} errors`,
      all.p95 > 3 * singleRun.p95 && `p95 ${all.p95} ms is over 3× the single-user ${singleRun.p95} ms`,
      after > 1.2 * before && `memory grew from ${megabytes(before)} MB to ${megabytes(after)} MB (over 20 %)`,
      missingEffects("notes", sent.notes, answered.notes, notesAdded),
      missingEffects("resolutions", sent.resolves, answered.resolves, resolvedNow),
    ].filter(Boolean);
    console.log(failures.length === 0 ? "PASS" : `FAIL: ${failures.join("; ")}`);
    return failures.length === 0 ? 0 : 1;
  } finally {
    memory.stop();
    await resetTriage(server.databaseUrl).catch(() => {});
    await db.$disconnect();
    await server.stop();
  }
}

process.exitCode = await main().catch((error: unknown) => {
  scriptLogger().error({ err: error }, "load test failed");
  return 1;
});
