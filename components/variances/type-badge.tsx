import { typeLabel } from "@/lib/variances/type-registry/registry";

export function TypeBadge({ type }: { type: string }) {
  return (
    <span
      className="inline-block whitespace-nowrap rounded border border-gray-300 px-1.5 py-0.5 text-xs font-medium text-gray-800 dark:border-gray-700 dark:text-gray-200"
      title={type}
    >
      {typeLabel(type)}
    </span>
  );
}
