"use client";

import Link from "next/link";
import { ChangedByMark } from "@/components/live/changed-by-mark";
import type { QueueRow } from "@/lib/variances/queue-row";
import { varianceSubjectId } from "@/lib/variances/variance-key";
import { StatusBadge } from "./status-badge";
import { TypeChip } from "./type-chip";

interface QueueTableProps {
  rows: QueueRow[];
  focused: number;
  selected: ReadonlyMap<string, unknown>;
  selectable: boolean;
  onToggle: (row: QueueRow) => void;
  onFocusRow: (index: number) => void;
}

const columns = ["Type", "Hostname", "Organisation", "What is wrong", "Days open", "Assignee", "Status", "Notes"];

function Summary({ row }: { row: QueueRow }) {
  return (
    <>
      {row.summary}
      {row.unexpectedData && (
        <span className="ml-1 rounded bg-rose-100 px-1 text-xs text-rose-900 dark:bg-rose-950 dark:text-rose-200">
          unexpected data
        </span>
      )}
    </>
  );
}

const assignee = (row: QueueRow) => row.assigneeName ?? "Unassigned";

/** The row j/k is on: a tinted background and a bar at its start, plain to see in light and dark. */
const currentRowClass =
  "aria-[current=true]:bg-blue-100 aria-[current=true]:shadow-[inset_4px_0_0_var(--color-blue-600)] dark:aria-[current=true]:bg-blue-900/60 dark:aria-[current=true]:shadow-[inset_4px_0_0_var(--color-blue-400)]";

/** Rows are focusable one at a time (roving tabindex) so j/k and Tab land on the same row. */
export function QueueTable({ rows, focused, selected, selectable, onToggle, onFocusRow }: QueueTableProps) {
  const checkbox = (row: QueueRow) =>
    selectable && (
      <input
        type="checkbox"
        className="h-4 w-4"
        checked={selected.has(varianceSubjectId(row))}
        onChange={() => onToggle(row)}
        aria-label={`Select ${row.hostname}`}
      />
    );
  const rowProps = (row: QueueRow, index: number) => ({
    tabIndex: index === focused ? 0 : -1,
    onFocus: () => onFocusRow(index),
    "aria-current": index === focused ? ("true" as const) : undefined,
    "data-testid": "variance-row",
    "data-variance": varianceSubjectId(row),
  });
  return (
    <>
      <table className="hidden w-full text-left text-sm md:table">
        <thead className="border-b border-gray-200 text-xs uppercase text-gray-600 dark:border-gray-800 dark:text-gray-400">
          <tr>
            {selectable && (
              <th scope="col" className="w-8 px-2 py-2">
                <span className="sr-only">Selected</span>
              </th>
            )}
            {columns.map((column) => (
              <th key={column} scope="col" className="whitespace-nowrap px-2 py-2 font-medium">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr
              key={varianceSubjectId(row)}
              {...rowProps(row, index)}
              className={`border-b border-gray-100 outline-none hover:bg-gray-50 dark:border-gray-800 dark:hover:bg-gray-800/50 ${currentRowClass}`}
            >
              {selectable && <td className="px-2 py-1.5">{checkbox(row)}</td>}
              <td className="px-2 py-1.5">
                <TypeChip type={row.type} label={row.typeLabel} />
              </td>
              <td className="px-2 py-1.5">
                {/* Cut to one line so a 255-character name cannot widen the table; the tooltip and the variance page show all of it. */}
                <Link
                  href={row.href}
                  title={row.hostname}
                  className="block max-w-[16rem] truncate font-medium text-blue-700 hover:underline dark:text-blue-300"
                >
                  {row.hostname}
                </Link>
              </td>
              {/* One line per row, so a screen holds a working set; the variance page shows everything. */}
              <td className="px-2 py-1.5">
                <div className="max-w-[12rem] truncate" title={row.organization}>
                  {row.organization}
                </div>
              </td>
              {/* The summary takes what the other columns leave (w-full with max-w-0) and is cut there, so the table never outgrows the screen. */}
              <td className="w-full max-w-0 px-2 py-1.5">
                <div className="truncate" title={row.summary}>
                  <Summary row={row} />
                </div>
              </td>
              <td className="px-2 py-1.5 tabular-nums">{row.daysOpen}</td>
              <td className="whitespace-nowrap px-2 py-1.5">{assignee(row)}</td>
              <td className="whitespace-nowrap px-2 py-1.5">
                <StatusBadge lifecycle={row} /> <ChangedByMark variance={row} />
              </td>
              <td className="px-2 py-1.5 tabular-nums">{row.noteCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="space-y-3 md:hidden">
        {rows.map((row, index) => (
          <li
            key={varianceSubjectId(row)}
            {...rowProps(row, index)}
            className={`rounded-lg border border-gray-200 bg-white p-3 text-sm outline-none focus:ring-2 focus:ring-blue-600 dark:border-gray-800 dark:bg-gray-900 ${currentRowClass}`}
          >
            <div className="flex flex-wrap items-center justify-between gap-2">
              <span className="flex min-w-0 items-center gap-2">
                {checkbox(row)}
                <Link
                  href={row.href}
                  className="min-w-0 font-medium wrap-anywhere text-blue-700 hover:underline dark:text-blue-300"
                >
                  {row.hostname}
                </Link>
              </span>
              <span className="flex flex-wrap items-center gap-1">
                <StatusBadge lifecycle={row} /> <ChangedByMark variance={row} />
              </span>
            </div>
            <div className="mt-1 flex flex-wrap items-center gap-2 text-gray-600 dark:text-gray-400">
              <TypeChip type={row.type} label={row.typeLabel} /> {row.organization}
            </div>
            <p className="mt-2 wrap-anywhere">
              <Summary row={row} />
            </p>
            <p className="mt-2 text-xs text-gray-600 dark:text-gray-400">
              {row.daysOpen} days open · {assignee(row)} · {row.noteCount} notes
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
