import type { ReactNode } from "react";

/**
 * A page's one h1. Badges sit beside the title, a muted line under it, and `aside` (counts,
 * exports, print) at the far end of the title's line, wrapping under it on a phone. A title
 * may be a 255-character hostname with nothing to break at, so it wraps anywhere.
 */
export function PageHeading({
  title,
  badges,
  description,
  aside,
  children,
}: {
  title: ReactNode;
  badges?: ReactNode;
  description?: ReactNode;
  aside?: ReactNode;
  /** Below the description, e.g. the other names an organisation goes by. */
  children?: ReactNode;
}) {
  return (
    <header className="flex flex-wrap items-baseline justify-between gap-2">
      <div className="min-w-0 space-y-1">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="min-w-0 text-2xl font-semibold tracking-tight wrap-anywhere">{title}</h1>
          {badges}
        </div>
        {description && <p className="text-sm wrap-anywhere text-gray-600 dark:text-gray-400">{description}</p>}
        {children}
      </div>
      {aside}
    </header>
  );
}
