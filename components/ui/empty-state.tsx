import Link from "next/link";
import type { ReactNode } from "react";

// A page-level empty state is the page's heading; one inside a section is as quiet as the section's own.
const titleClass = { h1: "text-lg font-semibold", h2: "font-semibold", h3: "font-semibold" };

/** Where a list or a page has nothing to show: what is missing, why, and the way on when there is one. */
export function EmptyState({
  heading,
  title,
  children,
  action,
  testId,
}: {
  /** The title's level where the box stands: h1 when it is the whole page. */
  heading: keyof typeof titleClass;
  title: ReactNode;
  children?: ReactNode;
  action?: { href: string; label: string };
  testId?: string;
}) {
  const Heading = heading;
  return (
    <section
      className="rounded-lg border border-dashed border-gray-300 p-8 text-center dark:border-gray-700"
      data-testid={testId}
    >
      <Heading className={titleClass[heading]}>{title}</Heading>
      {children && <p className="mt-2 text-sm text-gray-600 dark:text-gray-400">{children}</p>}
      {action && (
        <Link
          href={action.href}
          className="mt-3 inline-block text-sm font-medium text-blue-700 hover:underline dark:text-blue-300"
        >
          {action.label}
        </Link>
      )}
    </section>
  );
}
