/**
 * Where a device or variance names no organisation: filed under this rather than left blank.
 * On its own, without the SQL beside it, because the queue's client components show it too
 * and must not pull the Prisma client into the browser bundle.
 */
export const UNKNOWN_ORGANIZATION = "Unknown";
