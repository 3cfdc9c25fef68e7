import { readFileSync } from "node:fs";
import type { ClientBase, Pool } from "pg";

/**
 * Vendor rows as they exist in the wild. "guide": the access guide's ids 1–4 with the
 * lowercase legacy rows; "rebuilt": the live system after a rebuild (ThreatLocker = 1,
 * Ninja = 2, plus non-device vendors). Code must work with both: no vendor id is hard-coded.
 */
export type VendorLayout = "guide" | "rebuilt";

const vendorNames: Record<VendorLayout, string[]> = {
  guide: ["ninja", "threatlocker", "Ninja", "ThreatLocker"],
  rebuilt: ["ThreatLocker", "Ninja", "ConnectWise", "QuickBooks", "VadeSecure", "Dropsuite", "Duo", "M365", "Veeam"],
};

export interface UpstreamSchemaOptions {
  vendorLayout?: VendorLayout;
  /** Adds the optional variance-tracking columns of exceptions (manually_updated_at, …). */
  trackingColumns?: boolean;
}

const sqlFile = (name: string) => readFileSync(new URL(`../../prisma/upstream/${name}`, import.meta.url), "utf8");

/** Creates the upstream-compatible tables in an empty database. Dev, tests and demo only. */
export async function createUpstreamSchema(db: ClientBase | Pool, options: UpstreamSchemaOptions = {}) {
  const { vendorLayout = "guide", trackingColumns = true } = options;
  await db.query(sqlFile("001_upstream_tables.sql"));
  if (trackingColumns) await db.query(sqlFile("002_variance_tracking_columns.sql"));
  await db.query(sqlFile("010_reference_rows.sql"));
  const names = vendorNames[vendorLayout];
  await db.query(
    `INSERT INTO vendor (id, name) SELECT ordinality, name FROM unnest($1::text[]) WITH ORDINALITY AS v(name, ordinality)`,
    [names],
  );
  await db.query(`SELECT setval(pg_get_serial_sequence('vendor', 'id'), $1)`, [names.length]);
}
