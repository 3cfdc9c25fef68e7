import { RelativeTime } from "@/components/ui/relative-time";
import type { ActivityEntry } from "@/lib/variances/variance-detail";

/** Notes and triage of a variance, newest first. */
export function ActivityTimeline({ entries }: { entries: ActivityEntry[] }) {
  if (entries.length === 0)
    return <p className="text-sm text-gray-600 dark:text-gray-400">No notes or activity yet.</p>;
  return (
    <ol className="space-y-3 border-l border-gray-200 pl-4 dark:border-gray-800" data-testid="activity-timeline">
      {entries.map((entry) => (
        <li key={entry.id} className="text-sm">
          <p className="whitespace-pre-wrap break-words">
            <span className="font-medium">{entry.actorName}</span> {entry.description}
          </p>
          <p className="text-xs text-gray-600 dark:text-gray-400">
            <RelativeTime value={entry.at} />
          </p>
        </li>
      ))}
    </ol>
  );
}
