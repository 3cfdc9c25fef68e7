import { Prisma } from "@/lib/generated/prisma/client";
import { UNKNOWN_ORGANIZATION } from "./unknown-organization";

/** A device row's organisation name; a blank one is filed under "Unknown", as variances are. */
export const ORGANIZATION_NAME_SQL = (column: Prisma.Sql) =>
  Prisma.sql`coalesce(nullif(btrim(${column}), ''), ${UNKNOWN_ORGANIZATION})`;
