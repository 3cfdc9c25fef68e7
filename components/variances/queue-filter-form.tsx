import Link from "next/link";
import { use } from "react";
import { controlClass, labelClass, primaryButtonClass, secondaryButtonClass } from "@/components/ui/form-styles";
import type { UserSummary } from "@/lib/auth/user-directory";
import { requestFormat } from "@/lib/request-format";
import type { QueueFilters } from "@/lib/variances/queue-filters";
import { CardFilters } from "./card-filters";

interface QueueFilterFormProps {
  filters: QueueFilters;
  reportDate: string;
  reportDates: string[];
  organizations: string[];
  users: UserSummary[];
}

/** A plain GET form: every filter lands in the URL, works without JavaScript and can be shared. */
export function QueueFilterForm({ filters, reportDate, reportDates, organizations, users }: QueueFilterFormProps) {
  const format = use(requestFormat());
  return (
    <form
      method="get"
      action="/variances"
      className="grid grid-cols-2 gap-3 rounded-lg border border-gray-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6 dark:border-gray-800 dark:bg-gray-900"
      aria-label="Filter variances"
    >
      {filters.type && <input type="hidden" name="type" value={filters.type} />}
      <CardFilters filters={filters} />
      <div>
        <label htmlFor="filter-date" className={labelClass}>
          Report
        </label>
        <select id="filter-date" name="date" defaultValue={filters.date ?? ""} className={controlClass}>
          {/* Unpinned, a bookmarked or shared queue follows each new report. */}
          <option value="">Latest ({format.reportDate(reportDates[0] ?? reportDate)})</option>
          {reportDates.map((date) => (
            <option key={date} value={date}>
              {format.reportDate(date)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-status" className={labelClass}>
          Status
        </label>
        <select id="filter-status" name="status" defaultValue={filters.status} className={controlClass}>
          <option value="open">Open (incl. regressed)</option>
          <option value="snoozed">Snoozed</option>
          <option value="resolved">Resolved</option>
          <option value="verified">Verified</option>
          <option value="cleared">Cleared</option>
          <option value="all">Any status</option>
        </select>
      </div>
      <div>
        <label htmlFor="filter-assignee" className={labelClass}>
          Assignee
        </label>
        <select id="filter-assignee" name="assignee" defaultValue={filters.assignee} className={controlClass}>
          <option value="anyone">Anyone</option>
          <option value="me">Me</option>
          <option value="unassigned">Unassigned</option>
          {users.map((user) => (
            <option key={user.id} value={user.id}>
              {user.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-org" className={labelClass}>
          Organisation
        </label>
        <select id="filter-org" name="org" defaultValue={filters.org ?? ""} className={controlClass}>
          <option value="">All organisations</option>
          {organizations.map((organization) => (
            <option key={organization} value={organization}>
              {organization}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-q" className={labelClass}>
          Hostname
        </label>
        <input
          id="filter-q"
          name="q"
          type="search"
          defaultValue={filters.q ?? ""}
          placeholder="e.g. ABC-"
          className={controlClass}
        />
      </div>
      <div>
        <label htmlFor="filter-match" className={labelClass}>
          Match
        </label>
        <select id="filter-match" name="match" defaultValue={filters.match} className={controlClass}>
          <option value="contains">Contains</option>
          <option value="prefix">Starts with</option>
        </select>
      </div>
      <div>
        <label htmlFor="filter-min-days" className={labelClass}>
          Open at least (days)
        </label>
        <input
          id="filter-min-days"
          name="minDays"
          type="number"
          min={0}
          defaultValue={filters.minDays ?? ""}
          className={controlClass}
        />
      </div>
      <div>
        <label htmlFor="filter-sort" className={labelClass}>
          Sort by
        </label>
        <select id="filter-sort" name="sort" defaultValue={filters.sort} className={controlClass}>
          <option value="days_open">Days open</option>
          <option value="type">Type</option>
          <option value="organization">Organisation</option>
          <option value="hostname">Hostname</option>
        </select>
      </div>
      <div>
        <label htmlFor="filter-dir" className={labelClass}>
          Order
        </label>
        <select id="filter-dir" name="dir" defaultValue={filters.dir ?? ""} className={controlClass}>
          <option value="">Default</option>
          <option value="asc">Ascending</option>
          <option value="desc">Descending</option>
        </select>
      </div>
      <div className="col-span-2 flex items-end gap-2 sm:col-span-3 lg:col-span-3">
        <button type="submit" className={primaryButtonClass}>
          Apply filters
        </button>
        <Link href="/variances" className={secondaryButtonClass}>
          Reset
        </Link>
      </div>
    </form>
  );
}
