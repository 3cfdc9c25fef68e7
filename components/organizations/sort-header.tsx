import Link from "next/link";
import {
  type OrganizationFilters,
  type OrganizationSort,
  sortDirectionOf,
  sortHref,
} from "@/lib/organizations/organization-filters";

/** A column header that sorts the list by its column: a link, so the sort lives in the URL. */
export function SortHeader({
  filters,
  sort,
  label,
  numeric = false,
}: {
  filters: OrganizationFilters;
  sort: OrganizationSort;
  label: string;
  numeric?: boolean;
}) {
  const active = filters.sort === sort;
  const direction = sortDirectionOf(filters);
  return (
    <th
      scope="col"
      aria-sort={active ? (direction === "asc" ? "ascending" : "descending") : "none"}
      className={`px-2 py-2 font-medium ${numeric ? "text-right" : ""}`}
    >
      <Link
        href={sortHref(filters, sort)}
        className="inline-flex items-center gap-1 hover:text-gray-900 hover:underline dark:hover:text-gray-100"
      >
        {label}
        <span aria-hidden="true" className={active ? "" : "opacity-30"}>
          {active && direction === "asc" ? "▲" : "▼"}
        </span>
      </Link>
    </th>
  );
}
