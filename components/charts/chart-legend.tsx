import type { Color } from "@tremor/react";
import { SWATCH_CLASS } from "./chart-colors";

/**
 * A plain list legend: Tremor's own legend is not valid list markup for screen readers and
 * its grey text fails contrast in dark mode, so charts hide it and show this instead.
 */
export function ChartLegend({
  items,
  label,
}: {
  items: { name: string; color: Color; marker?: boolean }[];
  label: string;
}) {
  return (
    <ul aria-label={label} className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-gray-700 dark:text-gray-300">
      {items.map((item) => (
        <li key={item.name} className="flex items-center gap-1.5">
          <span
            aria-hidden="true"
            className={`inline-block ${item.marker ? "size-2.5 rounded-full" : "h-2.5 w-4 rounded-sm"} ${SWATCH_CLASS[item.color] ?? "bg-gray-500"}`}
          />
          {item.name}
        </li>
      ))}
    </ul>
  );
}
