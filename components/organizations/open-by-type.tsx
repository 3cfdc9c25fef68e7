import type { TypeCount } from "@/lib/reports/organization-figures";
import { typeLabel } from "@/lib/variances/types/registry";
import { formatCount } from "@/lib/format";

/** Open variances per type, most numerous first, compact enough for a table cell. */
export function OpenByType({ counts }: { counts: TypeCount[] }) {
  if (counts.length === 0) return null;
  return (
    <ul className="mt-0.5 text-xs text-gray-600 dark:text-gray-400">
      {counts.map((entry) => (
        <li key={entry.type} data-type={entry.type} data-count={entry.count}>
          {typeLabel(entry.type)}: <span className="tabular-nums">{formatCount(entry.count)}</span>
        </li>
      ))}
    </ul>
  );
}
