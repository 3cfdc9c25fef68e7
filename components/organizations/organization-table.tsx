import Link from "next/link";
import { use } from "react";
import { type Column, ResponsiveTable } from "@/components/ui/responsive-table";
import type { OrganizationFigures } from "@/lib/organizations/organization-figures";
import {
  ORGANIZATION_SORTS,
  type OrganizationFilters,
  type OrganizationSort,
  organizationPath,
  sortDirectionOf,
  sortHref,
} from "@/lib/organizations/organization-filters";
import { requestFormat } from "@/lib/request-format";
import { variancePath } from "@/lib/variances/variance-key";
import { OpenByType } from "./open-by-type";
import { InternalBadge, OrganizationNames } from "./organization-names";
import { SortHeader } from "./sort-header";

const SORT_LABELS: Record<OrganizationSort, string> = {
  name: "Organisation",
  ninja: "Ninja",
  threatlocker: "ThreatLocker",
  difference: "Difference",
  open: "Open variances",
  spare: "Spares licensed",
  oldest: "Oldest open",
};

const linkClass = "font-medium text-blue-700 hover:underline dark:text-blue-300";

function OldestOpen({ oldest }: { oldest: OrganizationFigures["oldestOpen"] }) {
  const format = use(requestFormat());
  if (!oldest) return <span className="text-gray-500 dark:text-gray-400">—</span>;
  return (
    <Link
      href={variancePath(oldest)}
      className={linkClass}
      title={`First seen on ${format.reportDate(oldest.firstSeen)}`}
    >
      {format.count(oldest.daysOpen)} {oldest.daysOpen === 1 ? "day" : "days"}
    </Link>
  );
}

function Name({ row }: { row: OrganizationFigures }) {
  return (
    <>
      <span className="flex flex-wrap items-center gap-2">
        <Link href={organizationPath(row.key)} className={linkClass}>
          {row.name}
        </Link>
        {row.internal && <InternalBadge />}
      </span>
      <OrganizationNames organization={row} />
    </>
  );
}

/** The organisation list: a table on wide screens and in print, cards on small screens. */
export function OrganizationTable({ rows, filters }: { rows: OrganizationFigures[]; filters: OrganizationFilters }) {
  const format = use(requestFormat());
  const column = (
    sort: OrganizationSort,
    cell: Column<OrganizationFigures>["cell"],
    more: Partial<Column<OrganizationFigures>> = {},
  ): Column<OrganizationFigures> => {
    const header = SORT_LABELS[sort];
    return {
      header,
      headerCell: <SortHeader filters={filters} sort={sort} label={header} numeric={more.numeric} />,
      cell,
      data: () => ({ "data-column": sort }),
      ...more,
    };
  };
  return (
    <>
      <nav
        aria-label="Sort organisations"
        className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm md:hidden print:hidden"
      >
        <span className="text-gray-600 dark:text-gray-400">Sort by</span>
        {ORGANIZATION_SORTS.map((sort) => (
          <Link
            key={sort}
            href={sortHref(filters, sort)}
            aria-current={filters.sort === sort ? "true" : undefined}
            className={`${linkClass} aria-[current=true]:underline`}
          >
            {SORT_LABELS[sort]}
            {filters.sort === sort && (
              <span aria-hidden="true">{sortDirectionOf(filters) === "asc" ? " ▲" : " ▼"}</span>
            )}
          </Link>
        ))}
      </nav>
      <ResponsiveTable
        rows={rows}
        rowKey={(row) => row.key}
        rowHeader={column("name", (row) => <Name row={row} />)}
        columns={[
          column("ninja", (row) => format.count(row.ninja), { numeric: true }),
          column("threatlocker", (row) => format.count(row.threatlocker), { numeric: true }),
          column("difference", (row) => format.change(row.difference), { numeric: true }),
          column("open", (row) => (
            <>
              <span className="tabular-nums">{format.count(row.openTotal)}</span>
              <OpenByType counts={row.openByType} />
            </>
          )),
          column("spare", (row) => format.count(row.spareLicensed), { numeric: true }),
          column("oldest", (row) => <OldestOpen oldest={row.oldestOpen} />, { className: "whitespace-nowrap" }),
        ]}
        caption="Organisations on the report, sorted by the column marked as sorted"
        cardsBelow="md"
        rowData={(row) => ({ "data-key": row.key })}
        testIds={{ table: "organization-table", cards: "organization-cards" }}
      />
    </>
  );
}
