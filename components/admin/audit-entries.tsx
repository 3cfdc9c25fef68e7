import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import type { AuditEntry } from "@/lib/audit/audit-log";

/** Audit events as cards on a phone and as rows on a wider screen, details as JSON. */
export function AuditEntries({ entries }: { entries: AuditEntry[] }) {
  if (entries.length === 0) {
    return <EmptyState heading="h2" title="No audit events match these filters" />;
  }
  return (
    <ol
      className="divide-y divide-gray-200 rounded-lg border border-gray-200 dark:divide-gray-800 dark:border-gray-800"
      aria-label="Audit events, newest first"
    >
      {entries.map((entry) => (
        <li
          key={entry.id}
          className="grid gap-1 p-3 text-sm md:grid-cols-[12rem_14rem_minmax(0,1fr)] md:gap-4"
          data-testid="audit-entry"
        >
          <span className="text-gray-600 dark:text-gray-400">
            <LocalTime value={entry.occurredAt} />
          </span>
          <span className="min-w-0">
            <span className="font-mono text-xs font-semibold">{entry.action}</span>
            <span className="block truncate text-gray-600 dark:text-gray-400">by {entry.actorEmail}</span>
          </span>
          <span className="min-w-0">
            <span className="block truncate">
              {entry.subjectType} <span className="font-mono text-xs">{entry.subjectId}</span>
            </span>
            <code className="block whitespace-pre-wrap break-all text-xs text-gray-700 dark:text-gray-300">
              {JSON.stringify(entry.details)}
            </code>
          </span>
        </li>
      ))}
    </ol>
  );
}
