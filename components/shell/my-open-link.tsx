import Link from "next/link";
import { unstable_rethrow } from "next/navigation";
import { Suspense } from "react";
import type { Actor } from "@/lib/access/roles";
import { getPrisma } from "@/lib/db/prisma";
import { logger } from "@/lib/logging/logger";
import { singleValues } from "@/lib/url-params";
import { countQueues } from "@/lib/variances/queue";
import { parseQueueFilters } from "@/lib/variances/queue-filters";
import { viewHref } from "@/lib/views/saved-view";
import { MY_OPEN_QUERY } from "@/lib/views/view-tabs";

const linkClass =
  "inline-flex items-center gap-1.5 whitespace-nowrap rounded-md px-2.5 py-1.5 text-sm font-medium text-gray-700 hover:bg-gray-100 dark:text-gray-300 dark:hover:bg-gray-800";

async function MyOpenCount({ actor }: { actor: Actor }) {
  const filters = parseQueueFilters(singleValues(new URLSearchParams(MY_OPEN_QUERY)));
  const [count] = await countQueues(getPrisma(), actor, [filters]).catch((error: unknown) => {
    unstable_rethrow(error);
    // The header must not fail with it: the link still leads to the list.
    logger.warn({ err: error }, "my open count could not be read");
    return [null];
  });
  if (count === null || count === undefined) return null;
  return (
    <span
      className="rounded-full bg-blue-600 px-1.5 text-xs tabular-nums text-white dark:bg-blue-500"
      data-testid="my-open-count"
    >
      {count}
    </span>
  );
}

/** "My open" and its count in the header, on every page: a technician's own work is one click away. */
export function MyOpenLink({ actor }: { actor: Actor }) {
  return (
    <Link href={viewHref(MY_OPEN_QUERY)} className={linkClass}>
      My open
      {/* Streamed: counting never holds up the page. */}
      <Suspense fallback={null}>
        <MyOpenCount actor={actor} />
      </Suspense>
    </Link>
  );
}
