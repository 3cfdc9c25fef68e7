/** A variance type as a small badge. Free of the type registry, so client components can show one without its schemas. */
export function TypeChip({ type, label }: { type: string; label: string }) {
  return (
    <span
      className="inline-block whitespace-nowrap rounded border border-gray-300 px-1.5 py-0.5 text-xs font-medium text-gray-800 dark:border-gray-700 dark:text-gray-200"
      title={type}
    >
      {label}
    </span>
  );
}
