import type { DetailField } from "@/lib/variances/type-registry/registry";

const display = (value: DetailField["value"]) =>
  value === null || value === ""
    ? "—"
    : Array.isArray(value)
      ? value.join(", ") || "—"
      : typeof value === "boolean"
        ? value
          ? "Yes"
          : "No"
        : String(value);

export function DetailFields({ fields }: { fields: DetailField[] }) {
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
      {fields.map((field, index) => (
        <div
          // biome-ignore lint/suspicious/noArrayIndexKey: a label can repeat; the list is never reordered.
          key={`${field.label}-${index}`}
          className="contents"
        >
          <dt className="font-medium text-gray-600 dark:text-gray-400">{field.label}</dt>
          <dd className="min-w-0 wrap-anywhere">{display(field.value)}</dd>
        </div>
      ))}
    </dl>
  );
}
