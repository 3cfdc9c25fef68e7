import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DASHBOARD_SCHEMA } from "@/lib/db/dashboard-schema";
import { readCatalogTables } from "@/lib/db/database-catalog";
import { migrateDashboardSchema } from "@/lib/db/migrate";
import { modelTables, type PrismaDatamodel, prismaDatamodel } from "@/lib/db/prisma-datamodel";
import {
  type ColumnShape,
  type ForeignKeyShape,
  formatSqlType,
  type IndexShape,
  type TableShape,
} from "@/lib/db/table-shape";
import { createEmptyDatabase, createUpstreamDatabase, type TestDatabase } from "../helpers/test-database";

/**
 * The contract: prisma/schema.prisma is what `prisma db pull` would write for the upstream
 * DDL and the dashboard migrations. Checked both ways against a real PostgreSQL catalog:
 * tables, columns (type with length/precision, nullability), unique constraints and indexes
 * (names and columns), foreign keys (names, columns, target, actions). Defaults are left out
 * on purpose: live tables built from the collectors' Python models have none.
 */

const describeColumn = (column: ColumnShape) =>
  `${formatSqlType(column.type)}${column.nullable === null ? "" : column.nullable ? " NULL" : " NOT NULL"}`;
const describeIndex = (index: IndexShape) => `${index.kind} (${index.columns.join(", ")})`;
const describeForeignKey = (key: ForeignKeyShape) =>
  `(${key.columns.join(", ")}) -> ${key.referencedTable}(${key.referencedColumns.join(", ")}) ` +
  `ON DELETE ${key.onDelete} ON UPDATE ${key.onUpdate}`;

/** Differences between two name-keyed lists, each as one sentence naming the item. */
function diffNamed<T extends { name: string }>(
  what: (name: string) => string,
  inModel: T[],
  inDatabase: T[],
  describe: (item: T) => string,
): string[] {
  const model = new Map(inModel.map((item) => [item.name, describe(item)]));
  const database = new Map(inDatabase.map((item) => [item.name, describe(item)]));
  const differences: string[] = [];
  for (const name of new Set([...model.keys(), ...database.keys()])) {
    const modelled = model.get(name);
    const present = database.get(name);
    if (present === undefined) differences.push(`${what(name)}: in the model (${modelled}), missing from the database`);
    else if (modelled === undefined) differences.push(`${what(name)}: in the database (${present}), not modelled`);
    else if (modelled !== present)
      differences.push(`${what(name)}: ${present} in the database, ${modelled} in the model`);
  }
  return differences;
}

function diffTable(model: TableShape, database: TableShape): string[] {
  // A Prisma list field cannot be optional, so a list column's nullability is not part of the model.
  const unknowable = new Set(model.columns.filter((column) => column.nullable === null).map((column) => column.name));
  const databaseColumns = database.columns.map((column) =>
    unknowable.has(column.name) ? { ...column, nullable: null } : column,
  );
  return [
    ...diffNamed((name) => `${model.name}.${name}`, model.columns, databaseColumns, describeColumn),
    ...diffNamed((name) => `${model.name} index ${name}`, model.indexes, database.indexes, describeIndex),
    ...diffNamed(
      (name) => `${model.name} foreign key ${name}`,
      model.foreignKeys,
      database.foreignKeys,
      describeForeignKey,
    ),
  ];
}

/** Every difference between the models and the database, both ways; empty when they agree. */
function diffSchema(models: TableShape[], database: TableShape[]): string[] {
  const tables = new Map(database.map((table) => [table.name, table]));
  const modelled = new Set(models.map((model) => model.name));
  return [
    ...models.flatMap((model) => {
      const table = tables.get(model.name);
      return table ? diffTable(model, table) : [`${model.name}: modelled table missing from the database`];
    }),
    ...database
      .filter((table) => !modelled.has(table.name))
      .map((table) => `${table.name}: table in the database, not modelled`),
  ];
}

describe("upstream models (schema public) against the upstream DDL", () => {
  let upstream: TestDatabase;
  let catalog: TableShape[];

  beforeAll(async () => {
    upstream = await createUpstreamDatabase({ trackingColumns: false });
    catalog = await readCatalogTables(upstream.pool, "public");
  });
  afterAll(() => upstream?.drop());

  it("covers the same tables as the DDL", () => {
    expect(
      modelTables("public")
        .map((table) => table.name)
        .sort(),
    ).toEqual(catalog.map((table) => table.name).sort());
    expect(catalog).toHaveLength(13);
  });

  it("matches every column, index, unique constraint and foreign key, both ways", () => {
    expect(diffSchema(modelTables("public"), catalog)).toEqual([]);
  });

  it("declares fields in column order, as db pull writes them", () => {
    const columnOrder = (tables: TableShape[]) =>
      Object.fromEntries(tables.map((table) => [table.name, table.columns.map((column) => column.name)]));
    expect(columnOrder(modelTables("public"))).toEqual(columnOrder(catalog));
  });

  it("leaves exactly the optional tracking columns unmodelled", async () => {
    const tracked = await createUpstreamDatabase({ trackingColumns: true });
    try {
      expect(diffSchema(modelTables("public"), await readCatalogTables(tracked.pool, "public"))).toEqual([
        "exceptions.manually_updated_at: in the database (timestamp(6) NULL), not modelled",
        "exceptions.manually_updated_by: in the database (varchar(255) NULL), not modelled",
        "exceptions.update_type: in the database (varchar(100) NULL), not modelled",
        "exceptions.old_value: in the database (jsonb NULL), not modelled",
        "exceptions.new_value: in the database (jsonb NULL), not modelled",
        "exceptions.variance_status: in the database (varchar(50) NULL), not modelled",
      ]);
    } finally {
      await tracked.drop();
    }
  });

  it("fails when a column is dropped from the database", async () => {
    const scratch = await createUpstreamDatabase({ trackingColumns: false });
    try {
      await scratch.pool.query("ALTER TABLE exceptions DROP COLUMN assigned_to");
      expect(diffSchema(modelTables("public"), await readCatalogTables(scratch.pool, "public"))).toEqual([
        "exceptions.assigned_to: in the model (varchar(255) NULL), missing from the database",
      ]);
    } finally {
      await scratch.drop();
    }
  });

  it("fails when a model field's type is changed", () => {
    const altered: PrismaDatamodel = structuredClone(prismaDatamodel);
    const hostname = altered.models
      .find((model) => model.name === "exceptions")
      ?.fields.find((field) => field.name === "hostname");
    if (!hostname) throw new Error("exceptions.hostname is not modelled");
    expect(hostname.nativeType).toEqual(["VarChar", ["255"]]);
    hostname.nativeType = ["VarChar", ["100"]];

    expect(diffSchema(modelTables("public", altered), catalog)).toEqual([
      "exceptions.hostname: varchar(255) NOT NULL in the database, varchar(100) NOT NULL in the model",
    ]);
  });
});

describe("dashboard models (schema variance_dashboard) against the dashboard migrations", () => {
  let database: TestDatabase;
  let catalog: TableShape[];

  beforeAll(async () => {
    database = await createEmptyDatabase();
    await migrateDashboardSchema(database.ownerUrl);
    // node-pg-migrate's own bookkeeping table is not the app's to model.
    catalog = (await readCatalogTables(database.pool, DASHBOARD_SCHEMA)).filter(
      (table) => table.name !== "schema_migrations",
    );
  });
  afterAll(() => database?.drop());

  it("matches every table, column, index, unique constraint and foreign key, both ways", () => {
    expect(catalog.length).toBeGreaterThan(0);
    expect(diffSchema(modelTables(DASHBOARD_SCHEMA), catalog)).toEqual([]);
  });
});
