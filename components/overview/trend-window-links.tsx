import Link from "next/link";
import { overviewHref, TREND_WINDOWS, type TrendWindow } from "@/lib/reports/trend-window";

/** A segmented control of links: the window lives in the URL, so a view can be shared. */
export function TrendWindowLinks({ current }: { current: TrendWindow }) {
  return (
    <nav aria-label="Trend window" className="print:hidden">
      <ul className="inline-flex rounded-md border border-gray-300 p-0.5 dark:border-gray-700">
        {TREND_WINDOWS.map((window) => (
          <li key={window}>
            <Link
              href={overviewHref(window)}
              scroll={false}
              aria-current={window === current ? "page" : undefined}
              className="block rounded px-3 py-1 text-sm font-medium text-gray-700 hover:bg-gray-100 aria-[current=page]:bg-blue-700 aria-[current=page]:text-white dark:text-gray-300 dark:hover:bg-gray-800 dark:aria-[current=page]:bg-blue-600"
            >
              {window} days
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
