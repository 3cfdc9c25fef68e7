import type { ReportDate } from "@/lib/calendar-date";
import { Prisma } from "@/lib/generated/prisma/client";
import { VARIANCE_KEY_SQL } from "@/lib/inventory/hostname-key-sql";
import type { VarianceId } from "../variance-key";

/**
 * Mirrors triage state onto `exceptions` so that other readers of the database see it.
 * Only the triage columns (resolved, resolved_date, resolved_by, assigned_to, notes) are
 * ever written: the optional tracking columns may not exist, and the rest is upstream's.
 * Each returns the number of exception rows it updated.
 */

type Tx = Prisma.TransactionClient;

/** The variance's exception rows of one report date (duplicates within a date happen). */
const rowsOf = ({ type, key }: VarianceId, date: ReportDate) =>
  Prisma.sql`e.date_found = ${date}::date AND e.type = ${type} AND ${VARIANCE_KEY_SQL} = ${key}`;

/**
 * A dashboard note as written onto `exceptions.notes`: "<ISO time> <email>: <text>", over
 * `variance_notes n` joined to its author `users u`. Formatted in SQL only, so that a
 * command's line and reconcile's line are the same string to the millisecond.
 */
export const NOTE_LINE_SQL = Prisma.sql`to_char(n.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || ' ' || u.email || ': ' || n.body`;

export function writeResolution(tx: Tx, variance: VarianceId, date: ReportDate, resolvedBy: string) {
  return tx.$executeRaw`
    UPDATE exceptions e SET resolved = true, resolved_date = ${date}::date, resolved_by = ${resolvedBy}
    WHERE ${rowsOf(variance, date)}`;
}

export function clearResolution(tx: Tx, variance: VarianceId, date: ReportDate) {
  return tx.$executeRaw`
    UPDATE exceptions e SET resolved = false, resolved_date = NULL, resolved_by = NULL
    WHERE ${rowsOf(variance, date)}`;
}

export function writeAssignee(tx: Tx, variance: VarianceId, date: ReportDate, assigneeEmail: string | null) {
  return tx.$executeRaw`
    UPDATE exceptions e SET assigned_to = ${assigneeEmail}
    WHERE ${rowsOf(variance, date)}`;
}

/** Appends; concurrent notes queue on the row lock and each appends to the other's result, so none is lost. */
export function appendNote(tx: Tx, variance: VarianceId, date: ReportDate, noteId: bigint) {
  return tx.$executeRaw`
    UPDATE exceptions e SET notes = array_append(e.notes, (
      SELECT ${NOTE_LINE_SQL} FROM variance_dashboard.variance_notes n
      JOIN variance_dashboard.users u ON u.id = n.author_user_id
      WHERE n.id = ${noteId}))
    WHERE ${rowsOf(variance, date)}`;
}
