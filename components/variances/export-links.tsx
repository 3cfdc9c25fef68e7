import { secondaryButtonClass } from "@/components/ui/form-styles";
import type { ExportFormat } from "@/lib/variances/queue-export";
import { type QueueFilters, queueQuery } from "@/lib/variances/queue-filters";

const LINKS: readonly { format: ExportFormat; label: string }[] = [
  { format: "csv", label: "Export CSV" },
  { format: "xlsx", label: "Export Excel" },
];

/** The export route's URL for the queue as filtered now: every page, whichever page is shown. */
function exportHref(filters: QueueFilters, format: ExportFormat): string {
  const query = queueQuery({ ...filters, page: 1 });
  return `/api/variances/export${query ? `${query}&` : "?"}format=${format}`;
}

/** Plain anchors, not next/link: a file download is no client-side navigation to prefetch. */
export function ExportLinks({ filters }: { filters: QueueFilters }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: two links, not form fields: a fieldset would misdescribe them.
    <div className="flex gap-2" aria-label="Export this queue" role="group">
      {LINKS.map(({ format, label }) => (
        <a
          key={format}
          href={exportHref(filters, format)}
          download
          className={secondaryButtonClass}
          data-testid={`export-${format}`}
        >
          {label}
        </a>
      ))}
    </div>
  );
}
