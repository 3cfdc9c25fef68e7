import Link from "next/link";
import { controlClass, labelClass, primaryButtonClass } from "@/components/ui/form-styles";
import type { OrganizationFilters } from "@/lib/organizations/organization-filters";

/** Search and the internal-organisation toggle: a plain GET form, so its state is the URL. */
export function OrganizationFiltersForm({ filters }: { filters: OrganizationFilters }) {
  const filtered = filters.q !== undefined || filters.internal !== "include";
  return (
    // biome-ignore lint/a11y/useSemanticElements: a form with role="search" is the search landmark and still submits.
    <form
      action="/organizations"
      method="get"
      role="search"
      aria-label="Organisations"
      className="flex flex-wrap items-end gap-3 print:hidden"
    >
      <div className="min-w-0 flex-1 sm:max-w-sm">
        <label htmlFor="organization-search" className={labelClass}>
          Search organisations
        </label>
        <input
          id="organization-search"
          name="q"
          type="search"
          defaultValue={filters.q ?? ""}
          maxLength={255}
          placeholder="Name, any spelling"
          className={controlClass}
        />
      </div>
      <label className="flex items-center gap-2 py-1.5 text-sm">
        <input
          type="checkbox"
          name="internal"
          value="exclude"
          defaultChecked={filters.internal === "exclude"}
          className="h-4 w-4"
        />
        Leave out internal organisations
      </label>
      {filters.sort !== "name" && <input type="hidden" name="sort" value={filters.sort} />}
      {filters.dir && <input type="hidden" name="dir" value={filters.dir} />}
      <button type="submit" className={primaryButtonClass}>
        Apply
      </button>
      {filtered && (
        <Link
          href="/organizations"
          className="py-1.5 text-sm font-medium text-blue-700 hover:underline dark:text-blue-300"
        >
          Clear
        </Link>
      )}
    </form>
  );
}
