import { use } from "react";
import type { TypeCount } from "@/lib/organizations/organization-figures";
import { requestFormat } from "@/lib/request-format";
import { typeLabel } from "@/lib/variances/type-registry/registry";

/** Open variances per type, most numerous first, compact enough for a table cell. */
export function OpenByType({ counts }: { counts: TypeCount[] }) {
  const format = use(requestFormat());
  if (counts.length === 0) return null;
  return (
    <ul className="mt-0.5 text-xs text-gray-600 dark:text-gray-400">
      {counts.map((entry) => (
        <li key={entry.type} data-type={entry.type} data-count={entry.count}>
          {typeLabel(entry.type)}: <span className="tabular-nums">{format.count(entry.count)}</span>
        </li>
      ))}
    </ul>
  );
}
