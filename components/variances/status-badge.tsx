import type { Lifecycle, LifecycleStatus } from "@/lib/variances/lifecycle";

const styles: Record<LifecycleStatus, string> = {
  open: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  snoozed: "bg-violet-100 text-violet-900 dark:bg-violet-950 dark:text-violet-200",
  resolved: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200",
  verified: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200",
  cleared: "bg-gray-100 text-gray-800 dark:bg-gray-800 dark:text-gray-200",
};

const labels: Record<LifecycleStatus, string> = {
  open: "Open",
  snoozed: "Snoozed",
  resolved: "Resolved",
  verified: "Verified",
  cleared: "Cleared",
};

export function StatusBadge({ lifecycle }: { lifecycle: Lifecycle }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${styles[lifecycle.status]}`}>
        {labels[lifecycle.status]}
      </span>
      {lifecycle.regressed && (
        <span
          className="rounded bg-rose-100 px-1.5 py-0.5 text-xs font-medium text-rose-900 dark:bg-rose-950 dark:text-rose-200"
          title="Resolved, but a later report still has it"
        >
          Regressed
        </span>
      )}
    </span>
  );
}
