/**
 * One vocabulary for a table's structure, so that what the Prisma models declare
 * (lib/db/prisma-datamodel.ts) and what a live database has (lib/db/database-catalog.ts)
 * can be compared field by field.
 */

/** A column type in PostgreSQL's own terms: `varchar(255)`, `timestamptz(6)`, `numeric(10,2)`, `text[]`. */
export interface SqlType {
  /** The base type: `varchar`, `integer`, `timestamptz`, `numeric`, `jsonb`, … */
  name: string;
  /** Length, precision, or precision and scale; empty when the type has none or is unbounded. */
  modifiers: number[];
  isArray: boolean;
}

export function formatSqlType({ name, modifiers, isArray }: SqlType): string {
  return `${name}${modifiers.length > 0 ? `(${modifiers.join(",")})` : ""}${isArray ? "[]" : ""}`;
}

export interface ColumnShape {
  name: string;
  type: SqlType;
  /** `null` when unknown: a Prisma list field has no optional form, whatever the column allows. */
  nullable: boolean | null;
}

export interface IndexShape {
  name: string;
  columns: string[];
  /** Unique constraints and unique indexes are one thing to Prisma, so they are one kind here. */
  kind: "primary" | "unique" | "index";
}

/** Prisma's names for PostgreSQL's ON DELETE / ON UPDATE actions. */
export type ReferentialAction = "NoAction" | "Restrict" | "Cascade" | "SetNull" | "SetDefault";

export interface ForeignKeyShape {
  name: string;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
}

export interface TableShape {
  name: string;
  columns: ColumnShape[];
  indexes: IndexShape[];
  foreignKeys: ForeignKeyShape[];
}
