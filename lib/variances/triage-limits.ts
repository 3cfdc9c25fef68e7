// Limits of triage input, in their own module so browser forms can use them without zod.

/** The most variances one bulk command may change: enough for a morning's queue, small enough for one transaction. */
export const BULK_LIMIT = 1000;

/** A note or resolution note, as people may write it. */
export const NOTE_MAX_LENGTH = 5000;
export const SNOOZE_REASON_MAX_LENGTH = 500;
