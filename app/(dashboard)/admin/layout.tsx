import Link from "next/link";
import { forbidden } from "next/navigation";
import { can } from "@/lib/access/permissions";
import { requireActor } from "@/lib/auth/actor";

const tabClass =
  "rounded-md px-3 py-1.5 text-sm font-medium text-gray-700 hover:bg-gray-100 dark:text-gray-300 dark:hover:bg-gray-800";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  // forbidden() answers 403; no loading boundary sits above this layout, so nothing has been sent yet.
  if (!can(actor, "users:manage")) forbidden();
  return (
    <div className="space-y-6">
      <nav aria-label="Administration" className="flex gap-1 border-b border-gray-200 pb-2 dark:border-gray-800">
        <Link href="/admin/users" className={tabClass}>
          Users
        </Link>
        {can(actor, "audit:read") && (
          <Link href="/admin/audit" className={tabClass}>
            Audit log
          </Link>
        )}
      </nav>
      {children}
    </div>
  );
}
