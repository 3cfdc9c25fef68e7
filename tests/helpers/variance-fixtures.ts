import type pg from "pg";
import type { Actor, Role } from "@/lib/access/roles";
import { createLocalUser } from "@/lib/auth/users";
import type { Database } from "@/lib/db/prisma";
import type { VarianceId } from "@/lib/variances/variance-key";

/** Real variances of the demo data, found with SQL independent of the code under test. */
export async function variancesOn(pool: pg.Pool, date: string, type?: string): Promise<VarianceId[]> {
  const { rows } = await pool.query<VarianceId>(
    `SELECT DISTINCT e.type, lower(split_part(split_part(e.hostname, '|', 1), '.', 1)) AS key
     FROM exceptions e WHERE e.date_found = $1 AND ($2::text IS NULL OR e.type = $2)
     ORDER BY 1, 2`,
    [date, type ?? null],
  );
  return rows;
}

/** Ids of a variance's exception rows on one date. */
export async function rowIdsOf(pool: pg.Pool, { type, key }: VarianceId, date: string): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(
    `SELECT id::text FROM exceptions e
     WHERE e.date_found = $1 AND e.type = $2 AND lower(split_part(split_part(e.hostname, '|', 1), '.', 1)) = $3 ORDER BY id`,
    [date, type, key],
  );
  return rows.map((row) => row.id);
}

/** Every table a triage command may touch, with each row's primary key. */
const TABLES = {
  exceptions: "id::text",
  "variance_dashboard.variance_triage": "variance_type || '/' || variance_key",
  "variance_dashboard.variance_notes": "id::text",
  "variance_dashboard.audit_events": "id::text",
  "variance_dashboard.users": "id::text",
  "variance_dashboard.organization_aliases": "alias_key",
} as const;
type Table = keyof typeof TABLES;
type Row = Record<string, unknown>;
export type DatabaseSnapshot = Record<Table, Map<string, Row>>;

export async function snapshotDatabase(pool: pg.Pool): Promise<DatabaseSnapshot> {
  const snapshot = {} as DatabaseSnapshot;
  for (const [table, pk] of Object.entries(TABLES) as [Table, string][]) {
    const { rows } = await pool.query<{ pk: string; row: Row }>(
      `SELECT ${pk} AS pk, to_jsonb(t) AS row FROM ${table} t`,
    );
    snapshot[table] = new Map(rows.map(({ pk: key, row }) => [key, row]));
  }
  return snapshot;
}

export interface TableDiff {
  added?: Row[];
  removed?: string[];
  /** Per changed row, the columns that changed with their new values. */
  changed?: Record<string, Row>;
}

/** What changed between two snapshots; tables without changes are left out, so "nothing" is `{}`. */
export function diffSnapshots(before: DatabaseSnapshot, after: DatabaseSnapshot): Partial<Record<Table, TableDiff>> {
  const diff: Partial<Record<Table, TableDiff>> = {};
  for (const table of Object.keys(TABLES) as Table[]) {
    const tableDiff: TableDiff = {};
    for (const [key, row] of after[table]) {
      const old = before[table].get(key);
      if (!old) (tableDiff.added ??= []).push(row);
      else {
        const columns = Object.keys(row).filter(
          (column) => JSON.stringify(row[column]) !== JSON.stringify(old[column]),
        );
        if (columns.length)
          (tableDiff.changed ??= {})[key] = Object.fromEntries(columns.map((column) => [column, row[column]]));
      }
    }
    for (const key of before[table].keys()) if (!after[table].has(key)) (tableDiff.removed ??= []).push(key);
    if (Object.keys(tableDiff).length) diff[table] = tableDiff;
  }
  return diff;
}

/** Runs `work` and returns what it changed in the database. */
export async function changesMadeBy(pool: pg.Pool, work: () => Promise<unknown>) {
  const before = await snapshotDatabase(pool);
  await work();
  return diffSnapshots(before, await snapshotDatabase(pool));
}

/** A checksum of every table a command may touch: equal means nothing changed. */
export async function databaseChecksum(pool: pg.Pool): Promise<string> {
  const parts = Object.entries(TABLES).map(
    ([table, pk]) => `(SELECT md5(coalesce(string_agg(to_jsonb(t)::text, ',' ORDER BY ${pk}), '')) FROM ${table} t)`,
  );
  const { rows } = await pool.query<{ checksum: string }>(`SELECT concat_ws('/', ${parts.join(", ")}) AS checksum`);
  return rows[0]!.checksum;
}

/** Expects `work` to fail with a CommandError of `code` (and message) and to change nothing. */
export async function expectRefusedUnchanged(
  pool: pg.Pool,
  work: () => Promise<unknown>,
  code: string,
  message?: RegExp,
) {
  const before = await databaseChecksum(pool);
  const error = await work().then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!error) throw new Error(`expected a refusal with code ${code}, but the command succeeded`);
  const { code: actualCode, message: actualMessage } = error as { code?: string; message: string };
  if (actualCode !== code) throw new Error(`expected code ${code}, got ${actualCode ?? "no code"}: ${actualMessage}`);
  if (message && !message.test(actualMessage))
    throw new Error(`message ${JSON.stringify(actualMessage)} does not match ${message}`);
  if ((await databaseChecksum(pool)) !== before) throw new Error("refused, yet the database changed");
  return error as Error & { code: string; fieldErrors?: Record<string, string[]> };
}

export interface TriageActors {
  technician: Actor;
  otherTechnician: Actor;
  admin: Actor;
  manager: Actor;
  /** An account that was disabled: it may not be assigned work. */
  disabled: Actor;
}

async function createActor(db: Database, email: string, name: string, role: Role): Promise<Actor> {
  const user = await createLocalUser(db, { email, name, role, password: "correct horse battery staple" }, "test");
  return { id: user.id, email: user.email, name, role };
}

export async function createTriageActors(db: Database): Promise<TriageActors> {
  const actors = {
    technician: await createActor(db, "tess@example.com", "Tess Tech", "technician"),
    otherTechnician: await createActor(db, "theo@example.com", "Theo Tech", "technician"),
    admin: await createActor(db, "ada@example.com", "Ada Admin", "admin"),
    manager: await createActor(db, "max@example.com", "Max Manager", "manager"),
    disabled: await createActor(db, "dora@example.com", "Dora Disabled", "technician"),
  };
  await db.users.update({ where: { id: actors.disabled.id }, data: { disabled_at: new Date() } });
  return actors;
}

/** An actor whose role is missing: what a forged or broken session would hand a command. */
export const roleless = (actor: Actor) => ({ ...actor, role: undefined }) as unknown as Actor;
