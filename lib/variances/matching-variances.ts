import { z } from "zod";
import { assertCan } from "@/lib/access/permissions";
import type { Actor } from "@/lib/access/roles";
import { CommandError } from "@/lib/commands/command-error";
import type { Database } from "@/lib/db/prisma";
import { singleValues } from "@/lib/url-params";
import { getQueueVariances } from "./queue";
import { parseQueueFilters } from "./queue-filters";
import { BULK_LIMIT } from "./triage-limits";
import type { VarianceId } from "./variance-key";

/** The queue's URL query, e.g. "?type=SPARE_MISMATCH&status=open". */
export const queueQueryInputSchema = z.string().max(2000);

/**
 * "Select all N matching this filter": the variances of every page of the queue, for a bulk
 * command. Refused above the bulk cap so the confirmation can never understate the count.
 */
export async function matchingVariances(db: Database, actor: Actor, rawQuery: unknown): Promise<VarianceId[]> {
  assertCan(actor, "variances:triage");
  const query = queueQueryInputSchema.safeParse(rawQuery);
  if (!query.success) throw new CommandError("invalid", "Give the queue's filters as its URL query.");
  const filters = parseQueueFilters(singleValues(new URLSearchParams(query.data)));
  const { items } = await getQueueVariances(db, actor, filters);
  if (items.length > BULK_LIMIT) {
    throw new CommandError(
      "invalid",
      `${items.length.toLocaleString("en-US")} variances match this filter; bulk actions take at most ${BULK_LIMIT.toLocaleString("en-US")}. Narrow the filter first.`,
    );
  }
  return items.map(({ type, key }) => ({ type, key }));
}
