import Link from "next/link";
import { use } from "react";
import { StatusBadge } from "@/components/variances/status-badge";
import { TypeBadge } from "@/components/variances/type-badge";
import { requestFormat } from "@/lib/request-format";
import { variancePath } from "@/lib/variances/variance-key";
import type { VarianceView } from "@/lib/variances/variance-view";

export function DeviceVariances({ variances }: { variances: VarianceView[] }) {
  const format = use(requestFormat());
  if (variances.length === 0) {
    return (
      <p className="text-sm text-gray-600 dark:text-gray-400">No variance has ever been reported for this device.</p>
    );
  }
  return (
    <ul className="divide-y divide-gray-100 dark:divide-gray-800" data-testid="device-variances">
      {variances.map((view) => (
        <li
          key={view.type}
          className="flex flex-wrap items-center gap-2 py-2 text-sm"
          data-variance={`${view.type}/${view.key}`}
        >
          <TypeBadge type={view.type} />
          <StatusBadge lifecycle={view.lifecycle} />
          <Link
            href={variancePath(view)}
            className="min-w-0 font-medium wrap-anywhere text-blue-700 hover:underline dark:text-blue-300"
          >
            {view.summary}
          </Link>
          <span className="w-full text-xs text-gray-600 sm:w-auto dark:text-gray-400">
            first seen {format.reportDate(view.firstSeen)} · last seen {format.reportDate(view.lastSeen)}
          </span>
        </li>
      ))}
    </ul>
  );
}
