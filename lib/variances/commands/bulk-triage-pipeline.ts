import type { Actor } from "@/lib/access/roles";
import type { Database } from "@/lib/db/prisma";
import { inTransaction, refuseWhenBusy } from "@/lib/db/transaction";
import type { Prisma } from "@/lib/generated/prisma/client";
import { reportDateBound } from "@/lib/report-date/report-date-bound";
import type { VarianceId } from "../variance-key";
import { lockVariances, varianceIdKey } from "./lock-variances";
import { applyTriageCommand, type TriageCommand } from "./triage-pipeline";

export interface SkippedVariance extends VarianceId {
  /** Why it was left alone: "not found", "already resolved", "listed twice", … */
  reason: string;
}

export interface BulkResult {
  changed: number;
  /** changed + skipped.length is always the number of variances asked for. */
  skipped: SkippedVariance[];
  /** One audit event per changed variance: what an undo names. */
  auditEventIds: string[];
}

// A full batch makes a few thousand statements; the default 5 s is for single commands.
const BULK_TRANSACTION_TIMEOUT_MS = 120_000;

/**
 * One command over a selection, in one transaction. There is no version to compare: the
 * selection is re-read under lock and only the variances still in a state the command
 * changes are changed; the rest are reported with the reason. One audit event each.
 */
export async function runBulkTriageCommand(
  db: Database,
  actor: Actor,
  variances: readonly VarianceId[],
  prepare: (tx: Prisma.TransactionClient) => TriageCommand | Promise<TriageCommand>,
): Promise<BulkResult> {
  const bound = await refuseWhenBusy(() => reportDateBound(db));
  return inTransaction(
    db,
    async (tx) => {
      const command = await prepare(tx);
      const skipped: SkippedVariance[] = [];
      const unique = new Map<string, VarianceId>();
      for (const { type, key } of variances) {
        if (unique.has(varianceIdKey({ type, key }))) skipped.push({ type, key, reason: "listed twice" });
        else unique.set(varianceIdKey({ type, key }), { type, key });
      }
      const locked = new Map(
        (await lockVariances(tx, [...unique.values()], bound)).map((variance) => [varianceIdKey(variance), variance]),
      );
      const auditEventIds: string[] = [];
      for (const [id, { type, key }] of unique) {
        const variance = locked.get(id);
        if (!variance) {
          skipped.push({ type, key, reason: "not found" });
          continue;
        }
        const refusal = command.refusal(variance);
        if (refusal) {
          skipped.push({ type, key, reason: refusal });
          continue;
        }
        auditEventIds.push((await applyTriageCommand(tx, actor, variance, command, { bulk: true })).auditEventId);
      }
      // A skipped variance nobody had triaged got its row only to be locked: a skip writes nothing.
      if (skipped.length > 0) {
        await tx.variance_triage.deleteMany({
          where: { version: 0, OR: skipped.map(({ type, key }) => ({ variance_type: type, variance_key: key })) },
        });
      }
      return { changed: auditEventIds.length, skipped, auditEventIds };
    },
    { timeout: BULK_TRANSACTION_TIMEOUT_MS },
  );
}
