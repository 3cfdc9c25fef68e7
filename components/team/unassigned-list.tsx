import Link from "next/link";
import { use } from "react";
import type { TeamReport } from "@/lib/reports/team-report";
import { requestFormat } from "@/lib/request-format";
import { queueQuery } from "@/lib/variances/queue-filters";
import { typeLabel } from "@/lib/variances/type-registry/registry";

/** Open variances nobody holds, per type, each linking to that slice of the queue. */
export function UnassignedList({ unassigned }: { unassigned: TeamReport["unassigned"] }) {
  const format = use(requestFormat());
  if (unassigned.length === 0)
    return <p className="text-sm text-gray-600 dark:text-gray-400">Every open variance has someone on it.</p>;
  return (
    <ul className="divide-y divide-gray-100 text-sm dark:divide-gray-800" data-testid="unassigned-list">
      {unassigned.map((row) => (
        <li
          key={row.type}
          className="flex items-center justify-between gap-4 py-2"
          data-testid="unassigned-type"
          data-type={row.type}
          data-value={row.open}
        >
          <Link
            href={`/variances${queueQuery({ type: row.type, assignee: "unassigned" })}`}
            className="text-blue-700 underline-offset-2 hover:underline dark:text-blue-300"
          >
            {typeLabel(row.type)}
          </Link>
          <span className="tabular-nums font-medium">{format.count(row.open)}</span>
        </li>
      ))}
    </ul>
  );
}
