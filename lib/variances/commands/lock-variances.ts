import type { ReportDate } from "@/lib/calendar-date";
import type { Prisma, variance_triage } from "@/lib/generated/prisma/client";
import type { VarianceId } from "../variance-key";
import { type FoundVariance, findVariances } from "./find-variances";
import { TRIAGE_SELECT } from "./triage-state";

/** A variance whose triage row this transaction holds FOR UPDATE, as it was before the command. */
export interface LockedVariance extends FoundVariance {
  triage: variance_triage & { updated_by: { name: string } | null };
}

/** A Map key for a variance; JSON keeps a "/" in a key from colliding with the separator. */
export const varianceIdKey = ({ type, key }: VarianceId) => JSON.stringify([type, key]);

/**
 * Finds the variances that exist and locks their triage rows, creating missing ones at
 * version 0. Rows are created and locked in (type, key) order, so two commands over
 * overlapping selections wait for each other instead of deadlocking; a concurrent
 * creator of the same row makes the INSERT wait, and the SELECT then sees its commit.
 * Missing variances are left out; the result is sorted by (type, key).
 */
export async function lockVariances(
  tx: Prisma.TransactionClient,
  ids: readonly VarianceId[],
  bound: ReportDate | null,
): Promise<LockedVariance[]> {
  const found = await findVariances(tx, ids, bound);
  if (found.length === 0) return [];
  const types = found.map((variance) => variance.type);
  const keys = found.map((variance) => variance.key);
  await tx.$executeRaw`
    INSERT INTO variance_dashboard.variance_triage (variance_type, variance_key)
    SELECT type, key FROM unnest(${types}::text[], ${keys}::text[]) AS found(type, key) ORDER BY 1, 2
    ON CONFLICT DO NOTHING`;
  await tx.$executeRaw`
    SELECT 1 FROM variance_dashboard.variance_triage
    WHERE (variance_type, variance_key) IN (SELECT * FROM unnest(${types}::text[], ${keys}::text[]))
    ORDER BY variance_type, variance_key
    FOR UPDATE`;
  const rows = await tx.variance_triage.findMany({
    where: { OR: found.map(({ type, key }) => ({ variance_type: type, variance_key: key })) },
    select: { ...TRIAGE_SELECT, updated_by: { select: { name: true } } },
  });
  const rowOf = new Map(rows.map((row) => [varianceIdKey({ type: row.variance_type, key: row.variance_key }), row]));
  return found.map((variance) => {
    const triage = rowOf.get(varianceIdKey(variance));
    // Locked above in this transaction, so it cannot have gone.
    if (!triage) throw new Error(`Triage row of ${variance.type}/${variance.key} vanished while locked`);
    return { ...variance, triage };
  });
}
