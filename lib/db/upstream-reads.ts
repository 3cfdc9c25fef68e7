/**
 * Every upstream table and column the dashboard reads (and the triage columns of `exceptions`
 * it writes), with the type it needs: the one list that start-up's schema check, `npm run
 * db:check` and the least-privilege role's column grants are derived from. A query that reads a
 * column not listed here fails under that role (the integration suite runs as it), so add the
 * column here first.
 *
 * Required columns are in the access guide's DDL (shared/reference/seed-database-access-guide.md)
 * or the reference's tables that the guide leaves out (device_type aside, which nothing reads);
 * optional ones were added by hand on the live server and a page can live without them: queries
 * select them only when present (lib/db/optional-columns.ts) and pages show "not collected".
 * Tables and columns not listed (device_identity, device_type, job_batches, daily_counts,
 * month_end_counts, change_log, site_alias, the tracking columns of exceptions, …) may be
 * anything or absent.
 */

/** What the dashboard needs of one column. */
export interface ColumnNeed {
  /** PostgreSQL base types (pg_type names as lib/db/database-catalog.ts spells them) that serve. */
  types: readonly string[];
  isArray?: boolean;
  /** Optional columns may be absent; when present they must still have a serving type. */
  optional?: boolean;
  /** The code relies on a value in every row (it never handles NULL there). */
  notNull?: boolean;
  /**
   * The dashboard writes this column: strings it writes need this many characters (a varchar of
   * at least this length, or text; Infinity: unbounded), and `null` ones need the column to allow NULL.
   */
  writes?: { length?: number; null?: boolean };
}

// Raw queries hand integer columns to JavaScript as numbers, bigint ones as BigInt: where the
// value reaches JavaScript it must be `integer`; ids only joined or compared in SQL may be either
// (the reference has serial ids, the access guide BIGSERIAL ones).
const INTEGER = { types: ["integer"] } as const;
const ID = { types: ["integer", "bigint"] } as const;
const STRING = { types: ["varchar", "text"] } as const;
const DATE = { types: ["date"] } as const;
const TIMESTAMPTZ = { types: ["timestamptz"] } as const;
const BOOLEAN = { types: ["boolean"] } as const;
const JSONB = { types: ["jsonb"] } as const;

const notNull = <T extends ColumnNeed>(need: T) => ({ ...need, notNull: true }) as const;
const optional = <T extends ColumnNeed>(need: T) => ({ ...need, optional: true }) as const;

export const UPSTREAM_READS = {
  vendor: { id: notNull(INTEGER), name: notNull(STRING) },
  billing_status: { id: notNull(ID), code: notNull(STRING) },
  // A Ninja device's site is its location (reference §3): read where location_name is absent.
  site: { id: notNull(ID), name: STRING },
  device_snapshot: {
    id: notNull(ID),
    snapshot_date: notNull(DATE),
    vendor_id: notNull(INTEGER),
    site_id: ID,
    billing_status_id: ID,
    hostname: STRING,
    os_name: STRING,
    created_at: TIMESTAMPTZ,
    organization_name: STRING,
    display_name: STRING,
    device_status: STRING,
    last_online: TIMESTAMPTZ,
    agent_version: STRING,
    security_mode: STRING,
    deny_count_1d: INTEGER,
    deny_count_3d: INTEGER,
    deny_count_7d: INTEGER,
    location_name: optional(STRING),
    has_tpm: optional(BOOLEAN),
    tpm_enabled: optional(BOOLEAN),
    tpm_version: optional(STRING),
    secure_boot_available: optional(BOOLEAN),
    secure_boot_enabled: optional(BOOLEAN),
    windows_11_24h2_capable: optional(BOOLEAN),
  },
  exceptions: {
    id: notNull({ types: ["bigint"] }),
    date_found: notNull(DATE),
    type: notNull(STRING),
    hostname: notNull(STRING),
    details: notNull(JSONB),
    resolved: { ...notNull(BOOLEAN), writes: {} },
    resolved_date: { ...DATE, writes: { null: true } },
    // Emails, as wide as the access guide's varchar(255).
    resolved_by: { ...STRING, writes: { length: 255, null: true } },
    assigned_to: { ...STRING, writes: { length: 255, null: true } },
    // One line per note, of any length.
    notes: { ...STRING, isArray: true, writes: { length: Infinity } },
  },
  job_runs: {
    job_id: notNull(STRING),
    job_name: notNull(STRING),
    status: notNull(STRING),
    started_at: notNull(TIMESTAMPTZ),
    ended_at: TIMESTAMPTZ,
    duration_seconds: INTEGER,
    message: STRING,
    error: STRING,
  },
} as const satisfies Record<string, Record<string, ColumnNeed>>;

export type UpstreamTable = keyof typeof UPSTREAM_READS;

/** The optional columns of a table, by name. */
export type OptionalColumn<T extends UpstreamTable> = {
  [C in keyof (typeof UPSTREAM_READS)[T]]: (typeof UPSTREAM_READS)[T][C] extends { optional: true } ? C : never;
}[keyof (typeof UPSTREAM_READS)[T]] &
  string;

/** Every listed column as (table, column, need), in the list's order. */
export function upstreamColumns(): { table: UpstreamTable; column: string; need: ColumnNeed }[] {
  return (Object.entries(UPSTREAM_READS) as [UpstreamTable, Record<string, ColumnNeed>][]).flatMap(([table, columns]) =>
    Object.entries(columns).map(([column, need]) => ({ table, column, need })),
  );
}
