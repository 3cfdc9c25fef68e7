import type { Database } from "@/lib/db/prisma";

export interface CollectorRun {
  jobName: string;
  status: string;
  startedAt: Date;
  endedAt: Date | null;
  durationSeconds: number | null;
  /** What went wrong, for a run that did not complete (upstream often puts it in `message`). */
  failure: string | null;
}

// Job names come and go upstream; a name not run for this long is no longer "the last run".
const RECENT_RUN_DAYS = 14;

/** The newest run of each collector job (and of the checks, when they are logged), by job name. */
export async function latestCollectorRuns(db: Database): Promise<CollectorRun[]> {
  const rows = await db.$queryRaw<
    {
      job_name: string;
      status: string;
      started_at: Date;
      ended_at: Date | null;
      duration_seconds: number | null;
      message: string | null;
      error: string | null;
    }[]
  >`
    SELECT DISTINCT ON (job_name) job_name, status, started_at, ended_at, duration_seconds, message, error
    FROM job_runs
    WHERE started_at >= (SELECT max(started_at) FROM job_runs) - make_interval(days => ${RECENT_RUN_DAYS}::int)
    ORDER BY job_name, started_at DESC, job_id DESC`;
  return rows.map((row) => ({
    jobName: row.job_name,
    status: row.status,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    durationSeconds: row.duration_seconds,
    failure:
      row.status === "failed" || row.status === "cancelled"
        ? row.error || row.message || "No message was logged."
        : null,
  }));
}
