import { use } from "react";
import { type Column, ResponsiveTable } from "@/components/ui/responsive-table";
import type { TechnicianFigures } from "@/lib/reports/team-report";
import { requestFormat } from "@/lib/request-format";

type Figure = Exclude<keyof TechnicianFigures, "userId" | "name" | "role" | "disabled">;

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
  const figure = (
    header: string,
    name: Figure,
    text: (row: TechnicianFigures) => string,
  ): Column<TechnicianFigures> => ({
    header,
    numeric: true,
    cell: text,
    data: (row) => ({ "data-figure": name, "data-value": String(row[name] ?? "") }),
  });
  return (
    <ResponsiveTable
      rows={rows}
      rowKey={(row) => row.userId}
      rowHeader={{ header: "Technician", cell: (row) => <Who row={row} /> }}
      columns={[
        figure("Open assigned", "openAssigned", (row) => format.count(row.openAssigned)),
        figure("Resolved, 7 days", "resolvedLast7Days", (row) => format.count(row.resolvedLast7Days)),
        figure("Resolved, 30 days", "resolvedLast30Days", (row) => format.count(row.resolvedLast30Days)),
        figure("Median days to resolve", "medianDaysToResolve", (row) =>
          row.medianDaysToResolve === null ? "—" : format.decimal(row.medianDaysToResolve),
        ),
      ]}
      caption="Technicians"
      cardsBelow="sm"
      cardHeading="h3"
      empty="No technicians yet, and nobody holds or resolved a variance."
      rowData={(row) => ({ "data-user": row.userId })}
      rowTestId="technician-row"
      testIds={{ table: "technician-table" }}
    />
  );
}
