import Link from "next/link";
import type { VarianceView } from "@/lib/variances/variance-view";
import { variancePath } from "@/lib/variances/variance-key";
import { StatusBadge } from "./status-badge";
import { TypeBadge } from "./type-badge";

const columns = ["Type", "Hostname", "Organisation", "What is wrong", "Days open", "Assignee", "Status", "Notes"];

function HostLink({ item }: { item: VarianceView }) {
  return (
    <Link href={variancePath(item)} className="font-medium text-blue-700 hover:underline dark:text-blue-300" data-variance-link>
      {item.hostname}
    </Link>
  );
}

function Assignee({ item }: { item: VarianceView }) {
  return item.assigneeName ? <span>{item.assigneeName}</span> : <span className="text-gray-500 dark:text-gray-400">Unassigned</span>;
}

function Summary({ item }: { item: VarianceView }) {
  return (
    <>
      {item.summary}
      {item.parsed.kind === "unexpected" && <span className="ml-1 rounded bg-rose-100 px-1 text-xs text-rose-900 dark:bg-rose-950 dark:text-rose-200">unexpected data</span>}
    </>
  );
}

/** The queue as a table on wide screens and as cards on a phone; both render the same cells. */
export function QueueList({ items }: { items: VarianceView[] }) {
  return (
    <>
      <table className="hidden w-full text-left text-sm md:table">
        <thead className="border-b border-gray-200 text-xs uppercase text-gray-600 dark:border-gray-800 dark:text-gray-400">
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col" className="px-2 py-2 font-medium">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={`${item.type}/${item.key}`} className="border-b border-gray-100 align-top dark:border-gray-800" data-testid="variance-row">
              <td className="px-2 py-2"><TypeBadge type={item.type} /></td>
              <td className="px-2 py-2"><HostLink item={item} /></td>
              <td className="px-2 py-2">{item.organization}</td>
              <td className="px-2 py-2"><Summary item={item} /></td>
              <td className="px-2 py-2 tabular-nums">{item.daysOpen}</td>
              <td className="px-2 py-2"><Assignee item={item} /></td>
              <td className="px-2 py-2"><StatusBadge lifecycle={item.lifecycle} /></td>
              <td className="px-2 py-2 tabular-nums">{item.noteCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="space-y-3 md:hidden">
        {items.map((item) => (
          <li key={`${item.type}/${item.key}`} className="rounded-lg border border-gray-200 bg-white p-3 text-sm dark:border-gray-800 dark:bg-gray-900">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <HostLink item={item} />
              <StatusBadge lifecycle={item.lifecycle} />
            </div>
            <div className="mt-1 flex flex-wrap items-center gap-2 text-gray-600 dark:text-gray-400">
              <TypeBadge type={item.type} /> {item.organization}
            </div>
            <p className="mt-2"><Summary item={item} /></p>
            <p className="mt-2 text-xs text-gray-600 dark:text-gray-400">
              {item.daysOpen} days open · <Assignee item={item} /> · {item.noteCount} notes
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
