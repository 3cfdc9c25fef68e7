import { Prisma } from "@/lib/generated/prisma/client";
import type { Database } from "./prisma";
import { UPSTREAM_SCHEMA } from "./schema-compatibility";
import { type OptionalColumn, UPSTREAM_READS, type UpstreamTable, upstreamColumns } from "./upstream-reads";

/** The optional upstream columns this database has and the connection may read, as "table.column". */
export type PresentColumns = ReadonlySet<string>;

const optionalColumns = upstreamColumns().filter(({ need }) => need.optional);

// Per client (one per process in the app; tests open one per database). Columns are added by
// hand on a live server, rarely: a restart picks a new one up.
const cache = new WeakMap<Database, Promise<PresentColumns>>();

async function readPresentColumns(db: Database): Promise<PresentColumns> {
  const rows = await db.$queryRaw<{ name: string }[]>`
    SELECT c.table_name || '.' || c.column_name AS name
    FROM unnest(${optionalColumns.map(({ table }) => table)}::text[], ${optionalColumns.map(({ column }) => column)}::text[]) AS c (table_name, column_name)
    JOIN pg_attribute a ON a.attrelid = to_regclass(quote_ident(${UPSTREAM_SCHEMA}) || '.' || quote_ident(c.table_name))
                       AND a.attname = c.column_name AND a.attnum > 0 AND NOT a.attisdropped
    WHERE has_column_privilege(a.attrelid, a.attnum, 'SELECT')`;
  return new Set(rows.map((row) => row.name));
}

/**
 * Which optional columns (lib/db/upstream-reads.ts) are present, read from the catalog once per
 * client. A column the connection may not read (added after `npm run db:grant`) counts as absent.
 */
export function presentOptionalColumns(db: Database): Promise<PresentColumns> {
  let present = cache.get(db);
  if (!present) {
    present = readPresentColumns(db);
    // A failed read (the database was down) is not remembered.
    present.catch(() => cache.delete(db));
    cache.set(db, present);
  }
  return present;
}

export const isPresent = <T extends UpstreamTable>(present: PresentColumns, table: T, column: OptionalColumn<T>) =>
  present.has(`${table}.${column}`);

/** `alias.column` when the optional column is present, else a typed NULL, so one query serves both schemas. */
export function optionalColumnSql<T extends UpstreamTable>(
  present: PresentColumns,
  table: T,
  alias: string,
  column: OptionalColumn<T>,
): Prisma.Sql {
  if (isPresent(present, table, column)) return Prisma.raw(`${alias}.${column}`);
  const [type] = (UPSTREAM_READS[table] as Record<string, { types: readonly string[] }>)[column]!.types;
  return Prisma.raw(`NULL::${type}`);
}

/** The optional columns of `columns` that this database lacks: what a page shows as "not collected". */
export const absentColumns = <T extends UpstreamTable, C extends OptionalColumn<T>>(
  present: PresentColumns,
  table: T,
  columns: readonly C[],
): C[] => columns.filter((column) => !isPresent(present, table, column));
