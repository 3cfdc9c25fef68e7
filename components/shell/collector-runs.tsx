import { LocalTime } from "@/components/ui/local-time";
import { formatDuration } from "@/lib/format";
import type { CollectorRun } from "@/lib/inventory/collector-runs";

const statusStyle = (status: string) =>
  status === "completed"
    ? "text-emerald-800 dark:text-emerald-300"
    : status === "failed" || status === "cancelled"
      ? "text-rose-800 dark:text-rose-300"
      : "text-amber-800 dark:text-amber-300";

/** The newest run of each collector job: whether it worked, how long it took, and why it failed. */
export function CollectorRuns({ runs }: { runs: CollectorRun[] }) {
  if (runs.length === 0)
    return <p className="text-gray-600 dark:text-gray-400">No collector runs are logged in job_runs.</p>;
  return (
    <ul aria-label="Last collector runs" className="flex flex-wrap gap-x-4 gap-y-1" data-testid="collector-runs">
      {runs.map((run) => (
        <li
          key={run.jobName}
          data-testid="collector-run"
          data-job={run.jobName}
          data-status={run.status}
          className="min-w-0 break-words"
        >
          <span className="font-medium">{run.jobName}</span>{" "}
          <span className={`font-medium ${statusStyle(run.status)}`}>{run.status}</span>
          {run.durationSeconds !== null && (
            <span className="text-gray-600 dark:text-gray-400"> in {formatDuration(run.durationSeconds)}</span>
          )}
          <span className="text-gray-600 dark:text-gray-400">
            , started <LocalTime value={run.startedAt} />
          </span>
          {run.failure && <span className="text-rose-800 dark:text-rose-300">: {run.failure}</span>}
        </li>
      ))}
    </ul>
  );
}
