import Link from "next/link";
import { controlClass, labelClass, primaryButtonClass, secondaryButtonClass } from "@/components/ui/form-styles";
import type { AuditFilters } from "@/lib/audit/audit-log";

/** A GET form: the filters land in the URL, so a finding can be shared as a link. */
export function AuditFilterForm({ filters, actions }: { filters: AuditFilters; actions: string[] }) {
  return (
    <form
      method="get"
      action="/admin/audit"
      aria-label="Filter the audit log"
      className="grid grid-cols-2 gap-3 rounded-lg border border-gray-200 p-4 sm:grid-cols-3 lg:grid-cols-6 dark:border-gray-800"
    >
      <label className={labelClass}>
        Action
        <select name="action" defaultValue={filters.action ?? ""} className={`mt-1 ${controlClass}`}>
          <option value="">Any action</option>
          {actions.map((action) => (
            <option key={action} value={action}>
              {action}
            </option>
          ))}
        </select>
      </label>
      <label className={labelClass}>
        Actor email contains
        <input name="actor" defaultValue={filters.actor ?? ""} className={`mt-1 ${controlClass}`} />
      </label>
      <label className={labelClass}>
        Subject contains
        <input name="subject" defaultValue={filters.subject ?? ""} className={`mt-1 ${controlClass}`} />
      </label>
      <label className={labelClass}>
        From (UTC)
        <input name="from" type="date" defaultValue={filters.from ?? ""} className={`mt-1 ${controlClass}`} />
      </label>
      <label className={labelClass}>
        To (UTC)
        <input name="to" type="date" defaultValue={filters.to ?? ""} className={`mt-1 ${controlClass}`} />
      </label>
      <div className="flex items-end gap-2">
        <button type="submit" className={primaryButtonClass}>
          Filter
        </button>
        <Link href="/admin/audit" className={secondaryButtonClass}>
          Clear
        </Link>
      </div>
    </form>
  );
}
