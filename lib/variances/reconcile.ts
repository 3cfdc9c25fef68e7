import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/audit-events";
import { addDays, type ReportDate } from "@/lib/calendar-date";
import type { Database } from "@/lib/db/prisma";
import { inTransaction } from "@/lib/db/transaction";
import { Prisma } from "@/lib/generated/prisma/client";
import { VARIANCE_KEY_SQL } from "@/lib/inventory/hostname-key-sql";
import { MATCHING_LOOKBACK_DAYS } from "@/lib/report-date/freshness";
import { reportDateBound, reportDateSql } from "@/lib/report-date/report-date-bound";
import { varianceFingerprint } from "@/lib/rollups/variance-fingerprint";
import { NOTE_LINE_SQL } from "./commands/write-through";

/**
 * The checks delete and recreate a date's exception rows, wiping what commands wrote
 * through. Reconcile writes the triage state back, to the same rows a command would
 * write now, so that running it after a command changes nothing:
 * - assignee and notes onto each variance's current report date's rows (its last-seen
 *   date at or before the latest matching date), which carries them onto each new report;
 * - a resolution onto the rows of the date it was made on, never onto a later date's
 *   rows: a later report that still has the variance shows it regressed, not resolved.
 * Only rows that differ are updated, so it is idempotent.
 */

type Tx = Prisma.TransactionClient;

export interface ReconcileCounts {
  /** Exception rows updated, per kind of triage state. */
  resolutions: number;
  assignments: number;
  notes: number;
}

export interface ReconcileOptions {
  /** Only exception rows found on or after this date (the checks only recreate recent dates). */
  since?: ReportDate;
}

/** What the exceptions looked like when reconcile last ran; any change means rows may have been recreated. */
const fingerprintSchema = z.object({
  latestMatchingDate: z.string().nullable(),
  latestDateFound: z.string().nullable(),
  rows: z.number(),
  maxId: z.string().nullable(),
});
type Fingerprint = z.infer<typeof fingerprintSchema>;

/** Advisory lock key (arbitrary, fixed): serialises reconcile runs across every app instance and the CLI. */
export const RECONCILE_LOCK_KEY = 4_242_101;
/** A page-triggered reconcile runs at most this often, whichever instance notices first. */
export const RECONCILE_INTERVAL_MS = 5 * 60_000;
const RECONCILE_TIMEOUT_MS = 120_000;
// The run log is the audit log: a reconcile writes to exceptions, so it is recorded anyway.
const RECONCILE_EVENT = {
  action: "variance.reconcile",
  subjectType: "exceptions",
  subjectId: "write-through",
} as const;

async function fingerprintOf(db: Database, latestMatchingDate: ReportDate | null): Promise<Fingerprint> {
  return { latestMatchingDate, ...(await varianceFingerprint(db)) };
}

const sinceSql = (since: ReportDate | undefined) =>
  Prisma.sql`e.date_found >= coalesce(${since ?? null}::date, '-infinity')`;

/** Each listed variance's current report date (over `variances(type, key)` given as a CTE). */
const currentReportDates = (bound: ReportDate | null, since: ReportDate | undefined) => Prisma.sql`
  SELECT e.type, ${VARIANCE_KEY_SQL} AS key, ${reportDateSql(bound)} AS report_date
  FROM exceptions e JOIN variances v ON v.type = e.type AND v.key = ${VARIANCE_KEY_SQL}
  WHERE ${sinceSql(since)}
  GROUP BY 1, 2`;

function reapplyResolutions(tx: Tx, since: ReportDate | undefined) {
  return tx.$executeRaw`
    UPDATE exceptions e SET resolved = true, resolved_date = t.resolved_report_date, resolved_by = u.email
    FROM variance_dashboard.variance_triage t
    JOIN variance_dashboard.users u ON u.id = t.resolved_by_user_id
    WHERE e.type = t.variance_type AND ${VARIANCE_KEY_SQL} = t.variance_key
      AND e.date_found = t.resolved_report_date AND ${sinceSql(since)}
      AND (NOT e.resolved OR e.resolved_date IS DISTINCT FROM t.resolved_report_date OR e.resolved_by IS DISTINCT FROM u.email)`;
}

/** Unassigned variances are left alone: their current rows were cleared by the unassign or never set. */
function reapplyAssignees(tx: Tx, bound: ReportDate | null, since: ReportDate | undefined) {
  return tx.$executeRaw`
    WITH variances AS (
      SELECT t.variance_type AS type, t.variance_key AS key, u.email
      FROM variance_dashboard.variance_triage t JOIN variance_dashboard.users u ON u.id = t.assignee_user_id
    ),
    current AS (${currentReportDates(bound, since)})
    UPDATE exceptions e SET assigned_to = v.email
    FROM current c JOIN variances v ON v.type = c.type AND v.key = c.key
    WHERE e.type = c.type AND ${VARIANCE_KEY_SQL} = c.key AND e.date_found = c.report_date
      AND e.assigned_to IS DISTINCT FROM v.email`;
}

/**
 * The full list of the variance's dashboard notes, after any notes someone else wrote on
 * the row (kept, in their order): re-running adds no duplicates and loses nothing.
 */
function reapplyNotes(tx: Tx, bound: ReportDate | null, since: ReportDate | undefined) {
  const merged = Prisma.sql`(ARRAY(SELECT line FROM unnest(e.notes) WITH ORDINALITY AS kept(line, position)
    WHERE line <> ALL(v.lines) ORDER BY position) || v.lines)`;
  return tx.$executeRaw`
    WITH variances AS (
      SELECT n.variance_type AS type, n.variance_key AS key, array_agg(${NOTE_LINE_SQL} ORDER BY n.created_at, n.id) AS lines
      FROM variance_dashboard.variance_notes n JOIN variance_dashboard.users u ON u.id = n.author_user_id
      GROUP BY 1, 2
    ),
    current AS (${currentReportDates(bound, since)})
    UPDATE exceptions e SET notes = ${merged}
    FROM current c JOIN variances v ON v.type = c.type AND v.key = c.key
    WHERE e.type = c.type AND ${VARIANCE_KEY_SQL} = c.key AND e.date_found = c.report_date
      AND e.notes IS DISTINCT FROM ${merged}`;
}

async function reapply(
  tx: Tx,
  bound: ReportDate | null,
  fingerprint: Fingerprint,
  since: ReportDate | undefined,
): Promise<ReconcileCounts> {
  // Holds off triage commands until done, so no state is re-applied after a command changed it.
  await tx.$executeRaw`SELECT 1 FROM variance_dashboard.variance_triage ORDER BY variance_type, variance_key FOR SHARE`;
  const counts = {
    resolutions: await reapplyResolutions(tx, since),
    assignments: await reapplyAssignees(tx, bound, since),
    notes: await reapplyNotes(tx, bound, since),
  };
  await recordAuditEvent(tx, {
    actorUserId: null,
    actorEmail: "system (reconcile)",
    ...RECONCILE_EVENT,
    details: { fingerprint, since: since ?? null, counts },
  });
  return counts;
}

/** Re-applies all triage state now (`npm run reconcile`); waits for a run in progress elsewhere. */
export async function reconcileWriteThrough(db: Database, options: ReconcileOptions = {}): Promise<ReconcileCounts> {
  const bound = await reportDateBound(db);
  const fingerprint = await fingerprintOf(db, bound);
  return inTransaction(
    db,
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${RECONCILE_LOCK_KEY})`;
      return reapply(tx, bound, fingerprint, options.since);
    },
    { timeout: RECONCILE_TIMEOUT_MS },
  );
}

export type ReconcileOutcome =
  | { ran: true; counts: ReconcileCounts }
  | { ran: false; reason: "unchanged" | "recently_ran" | "running" };

async function lastRun(tx: Tx) {
  const event = await tx.audit_events.findFirst({
    where: {
      action: RECONCILE_EVENT.action,
      subject_type: RECONCILE_EVENT.subjectType,
      subject_id: RECONCILE_EVENT.subjectId,
    },
    orderBy: { id: "desc" },
    select: { occurred_at: true, details: true },
  });
  const fingerprint = fingerprintSchema.safeParse((event?.details as { fingerprint?: unknown } | null)?.fingerprint);
  return event && { at: event.occurred_at, fingerprint: fingerprint.success ? fingerprint.data : null };
}

const sameFingerprint = (a: Fingerprint | null, b: Fingerprint) =>
  !!a && (Object.keys(b) as (keyof Fingerprint)[]).every((field) => a[field] === b[field]);

/**
 * For pages: reconciles when the exceptions changed since the last run (a new report,
 * or the checks re-ran a date), at most every RECONCILE_INTERVAL_MS across all instances,
 * never waiting for a run in progress. Only recent dates are looked at: older rows are
 * never recreated, and `npm run reconcile` covers everything.
 */
export async function reconcileIfStale(db: Database, now: Date = new Date()): Promise<ReconcileOutcome> {
  const bound = await reportDateBound(db);
  const fingerprint = await fingerprintOf(db, bound);
  return inTransaction(
    db,
    async (tx): Promise<ReconcileOutcome> => {
      const [{ locked } = { locked: false }] = await tx.$queryRaw<
        { locked: boolean }[]
      >`SELECT pg_try_advisory_xact_lock(${RECONCILE_LOCK_KEY}) AS locked`;
      if (!locked) return { ran: false, reason: "running" };
      const last = await lastRun(tx);
      if (last && sameFingerprint(last.fingerprint, fingerprint)) return { ran: false, reason: "unchanged" };
      if (last && now.getTime() - last.at.getTime() < RECONCILE_INTERVAL_MS)
        return { ran: false, reason: "recently_ran" };
      const since = fingerprint.latestDateFound
        ? addDays(fingerprint.latestDateFound, -MATCHING_LOOKBACK_DAYS)
        : undefined;
      return { ran: true, counts: await reapply(tx, bound, fingerprint, since) };
    },
    { timeout: RECONCILE_TIMEOUT_MS },
  );
}
