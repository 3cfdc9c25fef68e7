import Link from "next/link";
import { use } from "react";
import { requestFormat } from "@/lib/request-format";

export interface HeadlineCardProps {
  title: string;
  testId: string;
  value: number | null;
  /** The same figure on the comparison report; undefined when there is no comparison report. */
  previous?: number | null;
  /** A figure that may be fractional, such as a median, shown to one decimal place. */
  fractional?: boolean;
  /** Whether a rise is good news (green) or bad news (red); neutral figures stay grey. */
  rising?: "good" | "bad";
  /** The comparison report's date, null when there is none; leave out for a figure without a comparison. */
  comparedWith?: string | null;
  /** Shown instead of the value when it is null. */
  emptyText?: string;
  /** The page listing what the figure counts: the whole card links to it. */
  href?: string;
}

const tone = (change: number, rising: HeadlineCardProps["rising"]) => {
  if (change === 0 || !rising) return "text-gray-700 dark:text-gray-300";
  const good = change > 0 === (rising === "good");
  return good ? "text-emerald-700 dark:text-emerald-400" : "text-rose-700 dark:text-rose-400";
};

const cardClass =
  "block min-w-0 rounded-lg border border-gray-200 bg-white p-3 shadow-sm break-inside-avoid sm:p-4 dark:border-gray-800 dark:bg-gray-900";
const linkedCardClass = `${cardClass} hover:border-blue-400 hover:shadow focus-visible:outline-2 focus-visible:outline-blue-600 dark:hover:border-blue-500`;

export function HeadlineCard({
  title,
  testId,
  value,
  previous,
  fractional = false,
  rising,
  comparedWith,
  emptyText = "—",
  href,
}: HeadlineCardProps) {
  const format = use(requestFormat());
  const change = value !== null && previous !== undefined && previous !== null ? value - previous : null;
  const body = (
    <>
      <h3
        className={`text-xs font-medium sm:text-sm ${href ? "text-blue-700 dark:text-blue-300" : "text-gray-700 dark:text-gray-300"}`}
      >
        {title}
      </h3>
      <p
        className={`mt-1 font-semibold tabular-nums ${value === null ? "text-base sm:text-lg" : "text-2xl sm:text-3xl"}`}
        data-testid={testId}
        data-value={value ?? ""}
      >
        {value === null ? emptyText : fractional ? format.decimal(value) : format.count(value)}
      </p>
      {comparedWith !== undefined && (
        <p className="mt-1 text-xs sm:text-sm" data-testid={`${testId}-change`} data-value={change ?? ""}>
          {change === null ? (
            <span className="text-gray-600 dark:text-gray-400">
              {comparedWith ? `nothing to compare on ${comparedWith}` : "no report a week earlier"}
            </span>
          ) : (
            <>
              <span className={`font-medium tabular-nums ${tone(change, rising)}`}>{format.change(change)}</span>{" "}
              <span className="text-gray-600 dark:text-gray-400">vs {comparedWith}</span>
            </>
          )}
        </p>
      )}
    </>
  );
  return href ? (
    <Link href={href} className={linkedCardClass} data-testid={`${testId}-link`}>
      {body}
    </Link>
  ) : (
    <div className={cardClass}>{body}</div>
  );
}
