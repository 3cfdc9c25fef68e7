import Link from "next/link";
import { use } from "react";
import type { OrganizationFigures } from "@/lib/organizations/organization-figures";
import {
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

const SORT_LABELS: [OrganizationSort, string][] = [
  ["name", "Organisation"],
  ["ninja", "Ninja"],
  ["threatlocker", "ThreatLocker"],
  ["difference", "Difference"],
  ["open", "Open variances"],
  ["spare", "Spares licensed"],
  ["oldest", "Oldest open"],
];

const NUMERIC_SORTS = new Set<OrganizationSort>(["ninja", "threatlocker", "difference", "spare"]);

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
  return (
    <>
      <table className="hidden w-full text-left text-sm md:table print:table" data-testid="organization-table">
        <caption className="sr-only">Organisations on the report, sorted by the column marked as sorted</caption>
        <thead className="border-b border-gray-200 text-xs uppercase text-gray-600 dark:border-gray-800 dark:text-gray-400">
          <tr>
            {SORT_LABELS.map(([sort, label]) => (
              <SortHeader key={sort} filters={filters} sort={sort} label={label} numeric={NUMERIC_SORTS.has(sort)} />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.key}
              data-key={row.key}
              className="border-b border-gray-100 align-top break-inside-avoid dark:border-gray-800"
            >
              <td className="px-2 py-2">
                <Name row={row} />
              </td>
              <td className="px-2 py-2 text-right tabular-nums" data-column="ninja">
                {format.count(row.ninja)}
              </td>
              <td className="px-2 py-2 text-right tabular-nums" data-column="threatlocker">
                {format.count(row.threatlocker)}
              </td>
              <td className="px-2 py-2 text-right tabular-nums" data-column="difference">
                {format.change(row.difference)}
              </td>
              <td className="px-2 py-2" data-column="open">
                <span className="tabular-nums">{format.count(row.openTotal)}</span>
                <OpenByType counts={row.openByType} />
              </td>
              <td className="px-2 py-2 text-right tabular-nums" data-column="spare">
                {format.count(row.spareLicensed)}
              </td>
              <td className="px-2 py-2 whitespace-nowrap" data-column="oldest">
                <OldestOpen oldest={row.oldestOpen} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav
        aria-label="Sort organisations"
        className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm md:hidden print:hidden"
      >
        <span className="text-gray-600 dark:text-gray-400">Sort by</span>
        {SORT_LABELS.map(([sort, label]) => (
          <Link
            key={sort}
            href={sortHref(filters, sort)}
            aria-current={filters.sort === sort ? "true" : undefined}
            className={`${linkClass} aria-[current=true]:underline`}
          >
            {label}
            {filters.sort === sort && (
              <span aria-hidden="true">{sortDirectionOf(filters) === "asc" ? " ▲" : " ▼"}</span>
            )}
          </Link>
        ))}
      </nav>
      <ul className="space-y-3 md:hidden print:hidden" data-testid="organization-cards">
        {rows.map((row) => (
          <li
            key={row.key}
            data-key={row.key}
            className="rounded-lg border border-gray-200 bg-white p-3 text-sm dark:border-gray-800 dark:bg-gray-900"
          >
            <Name row={row} />
            <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1">
              {[
                ["Ninja", format.count(row.ninja)],
                ["ThreatLocker", format.count(row.threatlocker)],
                ["Difference", format.change(row.difference)],
                ["Spares licensed", format.count(row.spareLicensed)],
              ].map(([label, value]) => (
                <div key={label}>
                  <dt className="text-xs text-gray-600 dark:text-gray-400">{label}</dt>
                  <dd className="tabular-nums">{value}</dd>
                </div>
              ))}
              <div>
                <dt className="text-xs text-gray-600 dark:text-gray-400">Open variances</dt>
                <dd>
                  <span className="tabular-nums">{format.count(row.openTotal)}</span>
                  <OpenByType counts={row.openByType} />
                </dd>
              </div>
              <div>
                <dt className="text-xs text-gray-600 dark:text-gray-400">Oldest open</dt>
                <dd>
                  <OldestOpen oldest={row.oldestOpen} />
                </dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
