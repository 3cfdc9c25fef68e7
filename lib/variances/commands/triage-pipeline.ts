import type { Actor } from "@/lib/access/roles";
import { recordAuditEvent } from "@/lib/audit/audit-events";
import type { ReportDate } from "@/lib/calendar-date";
import { CommandError } from "@/lib/commands/command-error";
import type { Database } from "@/lib/db/prisma";
import { inTransaction, refuseWhenBusy } from "@/lib/db/transaction";
import type { Prisma } from "@/lib/generated/prisma/client";
import { notifyVarianceChange } from "@/lib/live/notify-change";
import { reportDateBound } from "@/lib/report-date/report-date-bound";
import { type VarianceId, varianceSubjectId } from "../variance-key";
import { assertExpectedVersion } from "./expected-version";
import { varianceNotFound } from "./find-variances";
import { type LockedVariance, lockVariances } from "./lock-variances";
import { TRIAGE_SELECT, type TriageState, triageStateOf } from "./triage-state";

type Tx = Prisma.TransactionClient;

/** The triage columns a command may set; the pipeline owns version and updated_*. */
export type TriageChanges = Pick<
  Prisma.variance_triageUncheckedUpdateInput,
  | "assignee_user_id"
  | "resolved_at"
  | "resolved_report_date"
  | "resolved_by_user_id"
  | "resolution_note"
  | "snoozed_until"
  | "snooze_reason"
  | "snoozed_by_user_id"
>;

/** What one triage command does to one locked variance; shared by its single and bulk forms. */
export interface TriageCommand {
  /** The audit action, e.g. "variance.resolve". */
  action: string;
  /** Why the variance is not in a state this command changes ("already resolved"), or null. */
  refusal(variance: LockedVariance): string | null;
  changes(variance: LockedVariance, actor: Actor, now: Date): TriageChanges;
  /** Mirrors the change onto exception rows; returns how many it updated. */
  writeThrough(tx: Tx, variance: LockedVariance, actor: Actor): Promise<number>;
  /** Audit details beyond before/after/reportDate: fixed, or per variance. */
  details?: Prisma.InputJsonObject | ((variance: LockedVariance) => Prisma.InputJsonObject);
}

export interface TriageResult extends VarianceId {
  /** The report date whose exception rows the command wrote through to. */
  reportDate: ReportDate;
  triage: TriageState;
  /** Exception rows the write-through updated. */
  exceptionRows: number;
  /** The audit event recording the change: what an undo names. */
  auditEventId: string;
}

/** Applies a command to a variance already locked and checked: bump, write through, audit, tell colleagues' pages. */
export async function applyTriageCommand(
  tx: Tx,
  actor: Actor,
  variance: LockedVariance,
  command: TriageCommand,
  extraDetails: Prisma.InputJsonObject = {},
): Promise<TriageResult> {
  const now = new Date();
  const updated = await tx.variance_triage.update({
    where: { variance_type_variance_key: { variance_type: variance.type, variance_key: variance.key } },
    data: {
      ...command.changes(variance, actor, now),
      version: { increment: 1 },
      updated_at: now,
      updated_by_user_id: actor.id,
    },
    select: TRIAGE_SELECT,
  });
  const exceptionRows = await command.writeThrough(tx, variance, actor);
  const before = triageStateOf(variance.triage);
  const after = triageStateOf(updated);
  const details = typeof command.details === "function" ? command.details(variance) : command.details;
  const auditEventId = await recordAuditEvent(tx, {
    actorUserId: actor.id,
    actorEmail: actor.email,
    action: command.action,
    subjectType: "variance",
    subjectId: varianceSubjectId(variance),
    details: { before, after, reportDate: variance.reportDate, exceptionRows, ...details, ...extraDetails },
  });
  await notifyVarianceChange(tx, actor, {
    id: auditEventId,
    type: variance.type,
    key: variance.key,
    action: command.action,
    version: after.version,
  });
  return {
    type: variance.type,
    key: variance.key,
    reportDate: variance.reportDate,
    triage: after,
    exceptionRows,
    auditEventId,
  };
}

/**
 * One command on one variance, in one transaction: lock it, refuse a stale version or a
 * state the command does not apply to, then apply. `prepare` runs first in the same
 * transaction, for checks that read the database (e.g. that an assignee is active).
 */
export async function runTriageCommand(
  db: Database,
  actor: Actor,
  target: VarianceId & { expectedVersion: number },
  prepare: (tx: Tx) => TriageCommand | Promise<TriageCommand>,
): Promise<TriageResult> {
  const bound = await refuseWhenBusy(() => reportDateBound(db));
  // The default timeout (pool-settings.ts) leaves room to wait for the variance's lock while a bulk command over it finishes.
  return inTransaction(db, async (tx) => {
    const command = await prepare(tx);
    const [variance] = await lockVariances(tx, [target], bound);
    if (!variance) throw varianceNotFound(target);
    assertExpectedVersion(variance, target.expectedVersion);
    const refusal = command.refusal(variance);
    if (refusal) throw new CommandError("conflict", `This variance is ${refusal}.`);
    return applyTriageCommand(tx, actor, variance, command);
  });
}
