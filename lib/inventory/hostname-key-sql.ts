import { Prisma } from "@/lib/generated/prisma/client";

/**
 * canonicalHostnameKey (lib/inventory/hostname-key.ts) in SQL: cut at the first `|`, then at
 * the first `.`, lower-cased. Integration tests check both agree on the demo data.
 */
export const hostnameKeySql = (column: Prisma.Sql) =>
  Prisma.sql`lower(split_part(split_part(${column}, '|', 1), '.', 1))`;

/** The variance key of an `exceptions` row aliased `e`. */
export const VARIANCE_KEY_SQL = hostnameKeySql(Prisma.raw("e.hostname"));
