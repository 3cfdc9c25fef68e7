import type { CopyRow } from "./copy-rows";
import { DAY_MS, type DemoCalendar, toIso } from "./demo-calendar";
import { Random } from "./random";

/**
 * The collector runs behind each date, as job_batches / job_runs record them: a nightly run
 * at ~23:00 US Central the evening before, sometimes a ~03:00 re-run, a retry after a
 * failure. The run that last succeeded decides when a vendor's rows were written.
 */

export const JOB_BATCH_COLUMNS = [
  "batch_id",
  "created_at",
  "status",
  "priority",
  "started_at",
  "ended_at",
  "progress_percent",
  "message",
  "duration_seconds",
] as const;
export const JOB_RUN_COLUMNS = [
  "job_id",
  "batch_id",
  "job_name",
  "status",
  "started_at",
  "updated_at",
  "ended_at",
  "progress_percent",
  "message",
  "duration_seconds",
] as const;
export type JobBatchRow = CopyRow<(typeof JOB_BATCH_COLUMNS)[number]>;
export type JobRunRow = CopyRow<(typeof JOB_RUN_COLUMNS)[number]>;

type Vendor = "ninja" | "threatlocker";

const JOB_NAMES: Record<Vendor, string> = { ninja: "ninja-collector", threatlocker: "threatlocker-collector" };

interface CollectorRun {
  vendor: Vendor;
  startedAt: number;
  seconds: number;
  /** Failure text (upstream puts it in `message`); absent when the run completed. */
  failure?: string;
}

interface RunSlot {
  label: "Nightly" | "Morning";
  batchId: string;
  collectors: CollectorRun[];
}

export interface CollectionPlan {
  slots: RunSlot[];
  /** When the vendor's surviving rows were written; null when no run succeeded. */
  writtenAt: Record<Vendor, number | null>;
  /** Upstream logs the cross-vendor checks only sometimes. */
  checksLogged: boolean;
}

export interface FleetSize {
  ninjaDevices: number;
  threatlockerDevices: number;
}

const NINJA_FAILURES = [
  "NinjaOne API request failed: 503 Service Unavailable (GET /v2/devices-detailed)",
  "NinjaOne OAuth token refresh failed: 401 Unauthorized",
];
const THREATLOCKER_FAILURES = [
  "ThreatLocker API timeout after 3 retries (POST /portalapi/Computer/ComputerGetByAllParameters)",
  "ThreatLocker API returned 429 Too Many Requests",
];

export function planCollectionDay(seed: number, calendar: DemoCalendar, day: number, size: FleetSize): CollectionPlan {
  const random = Random.derive(seed, day);
  const lastDay = day === calendar.days - 1;
  const ninjaLost = day === calendar.ninjaMissingDay;
  const failsTonight = (vendor: Vendor) =>
    (vendor === "ninja" && ninjaLost) || (!lastDay && day !== calendar.threatlockerEmptyDay && random.chance(0.03));

  const dayStart = calendar.dayStarts[day] ?? 0;
  const nightly = slot(random, "Nightly", centralTime(dayStart - DAY_MS, 23, random.int(0, 4)), size, (vendor) =>
    failsTonight(vendor) ? failureText(random, vendor) : undefined,
  );
  // A failed collector is retried in the morning; otherwise the morning run sometimes re-collects both.
  const retry = nightly.collectors.filter((run) => run.failure).map((run) => run.vendor);
  const rerun = retry.length === 0 && !lastDay && day !== calendar.threatlockerEmptyDay && random.chance(0.3);
  const slots = [nightly];
  if (retry.length > 0 || rerun) {
    const morning = centralTime(dayStart, 3, random.int(0, 9));
    const failsAgain = (vendor: Vendor) => (vendor === "ninja" && ninjaLost ? failureText(random, vendor) : undefined);
    slots.push(slot(random, "Morning", morning, size, failsAgain, rerun ? ["ninja", "threatlocker"] : retry));
  }
  const writtenAt = (vendor: Vendor) => {
    const done = slots
      .flatMap((s) => s.collectors)
      .filter((run) => run.vendor === vendor && !run.failure)
      .at(-1);
    return done ? done.startedAt + Math.round(done.seconds * 900) : null;
  };
  return {
    slots,
    writtenAt: { ninja: writtenAt("ninja"), threatlocker: writtenAt("threatlocker") },
    checksLogged: random.chance(0.35),
  };
}

/** Ninja first, then ThreatLocker, each taking longer for a larger fleet. */
function slot(
  random: Random,
  label: RunSlot["label"],
  startedAt: number,
  size: FleetSize,
  failure: (vendor: Vendor) => string | undefined,
  vendors: readonly Vendor[] = ["ninja", "threatlocker"],
): RunSlot {
  let clock = startedAt;
  const collectors = vendors.map((vendor): CollectorRun => {
    const failed = failure(vendor);
    const perDevice = vendor === "ninja" ? 0.35 : 0.12;
    const devices = vendor === "ninja" ? size.ninjaDevices : size.threatlockerDevices;
    const seconds = Math.round((failed ? random.int(20, 90) : 40 + devices * perDevice) * (0.85 + random.next() * 0.3));
    const run = { vendor, startedAt: clock, seconds, ...(failed ? { failure: failed } : {}) };
    clock += seconds * 1000 + random.int(5, 40) * 1000;
    return run;
  });
  return { label, batchId: random.uuid(), collectors };
}

function failureText(random: Random, vendor: Vendor): string {
  return random.pick(vendor === "ninja" ? NINJA_FAILURES : THREATLOCKER_FAILURES);
}

/** The day's job_batches and job_runs rows, once the row counts are known. */
export function collectionJobRows(
  seed: number,
  day: number,
  plan: CollectionPlan,
  counts: { ninja: number; threatlocker: number; exceptions: number },
): { batches: JobBatchRow[]; runs: JobRunRow[] } {
  const random = Random.derive(seed, day, 1);
  const batches: JobBatchRow[] = [];
  const runs: JobRunRow[] = [];
  plan.slots.forEach((slot, index) => {
    const jobs = slot.collectors.map((run) => ({
      name: JOB_NAMES[run.vendor],
      startedAt: run.startedAt,
      seconds: run.seconds,
      message: run.failure ?? `Collected ${counts[run.vendor]} devices`,
      failed: run.failure !== undefined,
    }));
    const last = jobs.at(-1);
    if (index === plan.slots.length - 1 && plan.checksLogged && last) {
      jobs.push({
        name: "cross-vendor-checks",
        startedAt: last.startedAt + last.seconds * 1000 + random.int(10, 60) * 1000,
        seconds: 5 + Math.round(counts.exceptions / 50),
        message: `Inserted ${counts.exceptions} exceptions`,
        failed: false,
      });
    }
    const startedAt = jobs[0]?.startedAt ?? 0;
    const endedAt = Math.max(...jobs.map((job) => job.startedAt + job.seconds * 1000));
    batches.push({
      batch_id: slot.batchId,
      created_at: toIso(startedAt - 2000),
      status: jobs.some((job) => job.failed) ? "failed" : "completed",
      priority: 5,
      started_at: toIso(startedAt),
      ended_at: toIso(endedAt),
      progress_percent: 100,
      message: `${slot.label} inventory collection`,
      duration_seconds: Math.round((endedAt - startedAt) / 1000),
    });
    for (const job of jobs) {
      const ended = toIso(job.startedAt + job.seconds * 1000);
      runs.push({
        job_id: random.uuid(),
        batch_id: slot.batchId,
        job_name: job.name,
        status: job.failed ? "failed" : "completed",
        started_at: toIso(job.startedAt),
        updated_at: ended,
        ended_at: ended,
        progress_percent: job.failed ? random.int(5, 60) : 100,
        message: job.message,
        duration_seconds: job.seconds,
      });
    }
  });
  return { batches, runs };
}

const chicagoOffset = new Intl.DateTimeFormat("en-US", { timeZone: "America/Chicago", timeZoneName: "shortOffset" });

/** UTC ms of a US Central wall-clock time on the date starting at `dateStart` (midnight UTC). */
function centralTime(dateStart: number, hour: number, minute: number): number {
  const wallClock = dateStart + (hour * 60 + minute) * 60_000;
  const zone = chicagoOffset
    .formatToParts(wallClock + 6 * 3_600_000)
    .find((part) => part.type === "timeZoneName")?.value;
  const offsetHours = Number(/GMT([+-]\d+)/.exec(zone ?? "")?.[1] ?? -6);
  return wallClock - offsetHours * 3_600_000;
}
