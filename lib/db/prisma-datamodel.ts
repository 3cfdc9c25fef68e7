import datamodelJson from "@/lib/generated/datamodel/datamodel.json";
import type { ColumnShape, ForeignKeyShape, IndexShape, ReferentialAction, SqlType, TableShape } from "./table-shape";

/**
 * The Prisma datamodel (DMMF) as `prisma generate` computed it from prisma/schema.prisma,
 * kept by prisma/datamodel-generator.ts. Only the parts the schema checks read are typed.
 */
export interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "object" | "enum" | "unsupported";
  type: string;
  isList: boolean;
  isRequired: boolean;
  /** `[name, args]` of the `@db.*` attribute, e.g. `["VarChar", ["255"]]`; null without one. */
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: ReferentialAction;
  relationOnUpdate?: ReferentialAction;
}

export interface DmmfModel {
  name: string;
  dbName: string | null;
  schema: string | null;
  fields: DmmfField[];
}

export interface DmmfIndex {
  model: string;
  type: "id" | "normal" | "unique" | "fulltext";
  /** Present only when the schema maps the name (`map: "…"`); otherwise Prisma's default applies. */
  dbName?: string;
  fields: Array<{ name: string }>;
}

export interface PrismaDatamodel {
  models: DmmfModel[];
  indexes: DmmfIndex[];
}

// The JSON's inferred type widens tuples and unions, so it is narrowed to the DMMF's documented shape.
export const prismaDatamodel = datamodelJson as unknown as PrismaDatamodel;

/** The column type a field without `@db.*` gets on PostgreSQL. */
const defaultTypes: Record<string, Omit<SqlType, "isArray">> = {
  String: { name: "text", modifiers: [] },
  Int: { name: "integer", modifiers: [] },
  BigInt: { name: "bigint", modifiers: [] },
  Boolean: { name: "boolean", modifiers: [] },
  DateTime: { name: "timestamp", modifiers: [3] },
  Float: { name: "double precision", modifiers: [] },
  Decimal: { name: "numeric", modifiers: [65, 30] },
  Json: { name: "jsonb", modifiers: [] },
  Bytes: { name: "bytea", modifiers: [] },
};

const nativeTypeNames: Record<string, string> = {
  VarChar: "varchar",
  Char: "char",
  Text: "text",
  SmallInt: "smallint",
  Integer: "integer",
  BigInt: "bigint",
  Boolean: "boolean",
  Date: "date",
  Timestamp: "timestamp",
  Timestamptz: "timestamptz",
  Time: "time",
  Timetz: "timetz",
  Decimal: "numeric",
  DoublePrecision: "double precision",
  Real: "real",
  Json: "json",
  JsonB: "jsonb",
  Uuid: "uuid",
  ByteA: "bytea",
  Xml: "xml",
  Inet: "inet",
  Citext: "citext",
  Money: "money",
  Oid: "oid",
  Bit: "bit",
  VarBit: "varbit",
};

/** Types whose bare `@db.X` means PostgreSQL's default precision, 6. */
const precisionTypes = new Set(["timestamp", "timestamptz", "time", "timetz"]);

function fieldType(model: DmmfModel, field: DmmfField): SqlType {
  if (field.nativeType) {
    const [native, args] = field.nativeType;
    const name = nativeTypeNames[native] ?? native.toLowerCase();
    const modifiers = args.length === 0 && precisionTypes.has(name) ? [6] : args.map(Number);
    return { name, modifiers, isArray: field.isList };
  }
  const fallback = field.kind === "scalar" ? defaultTypes[field.type] : undefined;
  if (!fallback)
    throw new Error(`No PostgreSQL type known for ${model.name}.${field.name} (${field.kind} ${field.type})`);
  return { ...fallback, isArray: field.isList };
}

const POSTGRES_IDENTIFIER_LIMIT = 63;

/** Prisma's default constraint name (`{table}_{columns}_key` …), cut like Prisma cuts it. */
function defaultConstraintName(parts: string[], suffix: "_pkey" | "_key" | "_idx" | "_fkey") {
  return parts.join("_").slice(0, POSTGRES_IDENTIFIER_LIMIT - suffix.length) + suffix;
}

const indexKinds = { id: "primary", unique: "unique", normal: "index", fulltext: "index" } as const;
const indexSuffixes = { primary: "_pkey", unique: "_key", index: "_idx" } as const;

const tableName = (model: DmmfModel) => model.dbName ?? model.name;

function columnName(model: DmmfModel, fieldName: string) {
  const field = model.fields.find((candidate) => candidate.name === fieldName);
  if (!field) throw new Error(`${model.name} has no field ${fieldName}`);
  return field.dbName ?? field.name;
}

function findModel(datamodel: PrismaDatamodel, name: string) {
  const model = datamodel.models.find((candidate) => candidate.name === name);
  if (!model) throw new Error(`The datamodel has no model ${name}`);
  return model;
}

function columnsOf(model: DmmfModel): ColumnShape[] {
  return model.fields
    .filter((field) => field.kind !== "object")
    .map((field) => ({
      name: field.dbName ?? field.name,
      type: fieldType(model, field),
      nullable: field.isList ? null : !field.isRequired,
    }));
}

function indexesOf(datamodel: PrismaDatamodel, model: DmmfModel): IndexShape[] {
  return datamodel.indexes
    .filter((index) => index.model === model.name)
    .map((index) => {
      const kind = indexKinds[index.type];
      const columns = index.fields.map((field) => columnName(model, field.name));
      const name =
        index.dbName ??
        (kind === "primary"
          ? defaultConstraintName([tableName(model)], "_pkey")
          : defaultConstraintName([tableName(model), ...columns], indexSuffixes[kind]));
      return { name, columns, kind };
    });
}

function foreignKeysOf(datamodel: PrismaDatamodel, model: DmmfModel): ForeignKeyShape[] {
  return model.fields
    .filter((field) => field.kind === "object" && field.relationFromFields?.length)
    .map((field) => {
      const referenced = findModel(datamodel, field.type);
      const columns = (field.relationFromFields ?? []).map((name) => columnName(model, name));
      return {
        // The DMMF does not carry a relation's `map:`; these models use none, so the default applies.
        name: defaultConstraintName([tableName(model), ...columns], "_fkey"),
        columns,
        referencedTable: tableName(referenced),
        referencedColumns: (field.relationToFields ?? []).map((name) => columnName(referenced, name)),
        // Prisma's defaults when the schema names no action.
        onDelete: field.relationOnDelete ?? (field.isRequired ? "Restrict" : "SetNull"),
        onUpdate: field.relationOnUpdate ?? "Cascade",
      };
    });
}

/** The tables the Prisma models of one PostgreSQL schema describe, as the database should have them. */
export function modelTables(schema: string, datamodel: PrismaDatamodel = prismaDatamodel): TableShape[] {
  return datamodel.models
    .filter((model) => model.schema === schema)
    .map((model) => ({
      name: tableName(model),
      columns: columnsOf(model),
      indexes: indexesOf(datamodel, model),
      foreignKeys: foreignKeysOf(datamodel, model),
    }));
}
