import { use } from "react";
import type { Format } from "@/lib/format";
import type { TechnicianFigures } from "@/lib/reports/team-report";
import { requestFormat } from "@/lib/request-format";

const COLUMNS: {
  label: string;
  value: (row: TechnicianFigures, format: Format) => string;
  figure: keyof TechnicianFigures;
}[] = [
  { label: "Open assigned", figure: "openAssigned", value: (row, format) => format.count(row.openAssigned) },
  {
    label: "Resolved, 7 days",
    figure: "resolvedLast7Days",
    value: (row, format) => format.count(row.resolvedLast7Days),
  },
  {
    label: "Resolved, 30 days",
    figure: "resolvedLast30Days",
    value: (row, format) => format.count(row.resolvedLast30Days),
  },
  {
    label: "Median days to resolve",
    figure: "medianDaysToResolve",
    value: (row, format) => (row.medianDaysToResolve === null ? "—" : format.decimal(row.medianDaysToResolve)),
  },
];

function Who({ row }: { row: TechnicianFigures }) {
  return (
    <>
      {row.name}
      {row.role !== "technician" && (
        <span className="font-normal text-gray-600 capitalize dark:text-gray-400"> · {row.role}</span>
      )}
      {row.disabled && <span className="font-normal text-gray-600 dark:text-gray-400"> · disabled</span>}
    </>
  );
}

/** Per person: work held and work done. A table on wide screens, a card per person on narrow ones. */
export function TechnicianTable({ rows }: { rows: TechnicianFigures[] }) {
  const format = use(requestFormat());
  if (rows.length === 0)
    return (
      <p className="text-sm text-gray-600 dark:text-gray-400">
        No technicians yet, and nobody holds or resolved a variance.
      </p>
    );
  return (
    <>
      <table className="hidden w-full text-sm sm:table" data-testid="technician-table">
        <thead>
          <tr className="border-b border-gray-200 text-left dark:border-gray-800">
            <th scope="col" className="py-2 pr-4 font-semibold">
              Technician
            </th>
            {COLUMNS.map((column) => (
              <th key={column.label} scope="col" className="px-3 py-2 text-right font-semibold">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.userId}
              className="border-b border-gray-100 dark:border-gray-800"
              data-testid="technician-row"
              data-user={row.userId}
            >
              <th scope="row" className="py-2 pr-4 text-left font-medium">
                <Who row={row} />
              </th>
              {COLUMNS.map((column) => (
                <td
                  key={column.label}
                  className="px-3 py-2 text-right tabular-nums"
                  data-figure={column.figure}
                  data-value={row[column.figure] ?? ""}
                >
                  {column.value(row, format)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="space-y-3 sm:hidden" aria-label="Technicians">
        {rows.map((row) => (
          <li key={row.userId} className="rounded-md border border-gray-200 p-3 dark:border-gray-800">
            <h3 className="font-medium">
              <Who row={row} />
            </h3>
            <dl className="mt-2 grid grid-cols-1 gap-1 text-sm">
              {COLUMNS.map((column) => (
                <div key={column.label} className="flex justify-between gap-2">
                  <dt className="text-gray-600 dark:text-gray-400">{column.label}</dt>
                  <dd className="tabular-nums">{column.value(row, format)}</dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
