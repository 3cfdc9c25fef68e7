import { Prisma } from "@/lib/generated/prisma/client";

/** Where a device or variance names no organisation: filed under this rather than left blank. */
export const UNKNOWN_ORGANIZATION = "Unknown";

/** A device row's organisation name; a blank one is filed under "Unknown", as variances are. */
export const ORGANIZATION_NAME_SQL = (column: Prisma.Sql) =>
  Prisma.sql`coalesce(nullif(btrim(${column}), ''), ${UNKNOWN_ORGANIZATION})`;
