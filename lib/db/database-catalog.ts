import type { ClientBase, Pool } from "pg";
import type { ForeignKeyShape, IndexShape, ReferentialAction, SqlType, TableShape } from "./table-shape";

type Queryable = ClientBase | Pool;

// pg_catalog rather than information_schema: it shows every table whatever the role's
// privileges, and it keeps the length/precision of array element types.
const columnsSql = `
  SELECT c.relname::text AS table_name, a.attname::text AS column_name, NOT a.attnotnull AS nullable,
         COALESCE(element.typname, t.typname)::text AS type_name, element.oid IS NOT NULL AS is_array,
         a.atttypmod AS typmod
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    LEFT JOIN pg_type t ON t.oid = a.atttypid
    LEFT JOIN pg_type element ON element.oid = t.typelem AND t.typcategory = 'A'
   WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition
   ORDER BY c.relname, a.attnum`;

const indexesSql = `
  SELECT c.relname::text AS table_name, i.relname::text AS index_name, x.indisprimary AS is_primary,
         x.indisunique AS is_unique,
         ARRAY(SELECT COALESCE(a.attname::text, '(expression)')
                 FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, position)
                 LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum
                ORDER BY k.position) AS columns
    FROM pg_index x
    JOIN pg_class c ON c.oid = x.indrelid
    JOIN pg_class i ON i.oid = x.indexrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = $1
   ORDER BY c.relname, i.relname`;

const foreignKeysSql = `
  SELECT c.relname::text AS table_name, con.conname::text AS constraint_name,
         referenced.relname::text AS referenced_table,
         ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, position)
                 JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
                ORDER BY k.position) AS columns,
         ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, position)
                 JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum
                ORDER BY k.position) AS referenced_columns,
         con.confdeltype AS on_delete, con.confupdtype AS on_update
    FROM pg_constraint con
    JOIN pg_class c ON c.oid = con.conrelid
    JOIN pg_class referenced ON referenced.oid = con.confrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = $1 AND con.contype = 'f'
   ORDER BY c.relname, con.conname`;

interface ColumnRow {
  table_name: string;
  column_name: string | null;
  nullable: boolean | null;
  type_name: string | null;
  is_array: boolean;
  typmod: number;
}

interface IndexRow {
  table_name: string;
  index_name: string;
  is_primary: boolean;
  is_unique: boolean;
  columns: string[];
}

interface ForeignKeyRow {
  table_name: string;
  constraint_name: string;
  referenced_table: string;
  columns: string[];
  referenced_columns: string[];
  on_delete: string;
  on_update: string;
}

/** pg_type names that PostgreSQL (and Prisma's `@db.*`) spell differently in DDL. */
const typeNames: Record<string, string> = {
  int2: "smallint",
  int4: "integer",
  int8: "bigint",
  bool: "boolean",
  float4: "real",
  float8: "double precision",
  bpchar: "char",
};

/** Variable-length types store length + 4 (the varlena header) in atttypmod. */
const VARLENA_HEADER = 4;

/** Decodes `atttypmod` (-1: none given) into the modifiers DDL would have written. */
function typeModifiers(name: string, typmod: number): number[] {
  switch (name) {
    case "varchar":
    case "char":
      return typmod < 0 ? [] : [typmod - VARLENA_HEADER];
    case "bit":
    case "varbit":
      return typmod < 0 ? [] : [typmod];
    case "numeric":
      return typmod < 0 ? [] : [((typmod - VARLENA_HEADER) >> 16) & 0xffff, (typmod - VARLENA_HEADER) & 0xffff];
    case "timestamp":
    case "timestamptz":
    case "time":
    case "timetz":
      // PostgreSQL's default precision; introspection writes it out as (6).
      return [typmod < 0 ? 6 : typmod];
    default:
      return [];
  }
}

function sqlType(typeName: string, typmod: number, isArray: boolean): SqlType {
  const name = typeNames[typeName] ?? typeName;
  return { name, modifiers: typeModifiers(name, typmod), isArray };
}

const referentialActions: Record<string, ReferentialAction> = {
  a: "NoAction",
  r: "Restrict",
  c: "Cascade",
  n: "SetNull",
  d: "SetDefault",
};

function indexShape(row: IndexRow): IndexShape {
  const kind = row.is_primary ? "primary" : row.is_unique ? "unique" : "index";
  return { name: row.index_name, columns: row.columns, kind };
}

function foreignKeyShape(row: ForeignKeyRow): ForeignKeyShape {
  const action = (code: string) => {
    const known = referentialActions[code];
    if (!known) throw new Error(`Unknown referential action '${code}' on ${row.constraint_name}`);
    return known;
  };
  return {
    name: row.constraint_name,
    columns: row.columns,
    referencedTable: row.referenced_table,
    referencedColumns: row.referenced_columns,
    onDelete: action(row.on_delete),
    onUpdate: action(row.on_update),
  };
}

/** The tables of one PostgreSQL schema as the database catalog describes them. Reads only. */
export async function readCatalogTables(db: Queryable, schema: string): Promise<TableShape[]> {
  // One after the other: a single pg client must not be handed overlapping queries.
  const columns = await db.query<ColumnRow>(columnsSql, [schema]);
  const indexes = await db.query<IndexRow>(indexesSql, [schema]);
  const foreignKeys = await db.query<ForeignKeyRow>(foreignKeysSql, [schema]);
  const tables = new Map<string, TableShape>();
  for (const row of columns.rows) {
    let table = tables.get(row.table_name);
    if (!table) {
      table = { name: row.table_name, columns: [], indexes: [], foreignKeys: [] };
      tables.set(row.table_name, table);
    }
    // A table without columns still comes back once, with a null column.
    if (row.column_name !== null && row.type_name !== null) {
      table.columns.push({
        name: row.column_name,
        type: sqlType(row.type_name, row.typmod, row.is_array),
        nullable: row.nullable,
      });
    }
  }
  for (const row of indexes.rows) tables.get(row.table_name)?.indexes.push(indexShape(row));
  for (const row of foreignKeys.rows) tables.get(row.table_name)?.foreignKeys.push(foreignKeyShape(row));
  return [...tables.values()];
}
