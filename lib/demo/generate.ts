import { setImmediate } from "node:timers/promises";
import type pg from "pg";
import { z } from "zod";
import {
  collectionJobRows,
  JOB_BATCH_COLUMNS,
  JOB_RUN_COLUMNS,
  type JobBatchRow,
  type JobRunRow,
  planCollectionDay,
} from "./collection-runs";
import { copyRows } from "./copy-rows";
import {
  type CheckedException,
  crossVendorExceptions,
  EXCEPTION_TYPES,
  type ExceptionType,
} from "./cross-vendor-checks";
import { type DemoCalendar, demoCalendar, driftIntensity } from "./demo-calendar";
import { assignIdentities, buildFleet, type DemoDevice, presentOn } from "./fleet";
import type { DeviceKind } from "./hardware";
import { allSites, buildOrganizations } from "./organizations";
import { mixSeed, Random } from "./random";
import {
  type BillingCode,
  type CollectionDay,
  type LookupIds,
  type NinjaSnapshotRow,
  ninjaRow,
  SNAPSHOT_COLUMNS,
  type SnapshotRow,
  type ThreatLockerSnapshotRow,
  threatlockerRow,
} from "./snapshot-rows";

export interface DemoOptions {
  /** Same options and seed → byte-identical data. */
  seed?: number;
  /** Devices in Ninja on the last date. */
  ninjaDevices?: number;
  /** Roughly the ThreatLocker computers on the last date. */
  threatlockerDevices?: number;
  /** Client organisations, besides the MSP's two internal ones. */
  organizations?: number;
  days?: number;
  /** `YYYY-MM-DD`, the last collection date; today (UTC) when not given. */
  endDate?: string;
}

export interface DaySummary {
  date: string;
  ninjaRows: number;
  threatlockerRows: number;
  exceptions: Record<ExceptionType, number>;
}

export interface DemoSummary {
  startDate: string;
  endDate: string;
  dates: number;
  organizations: number;
  sites: number;
  deviceIdentities: number;
  snapshotRows: number;
  exceptionRows: number;
  jobRuns: number;
  /** The date Ninja's collection failed (no Ninja rows; every ThreatLocker device is MISSING_NINJA). */
  ninjaMissingDate: string | null;
  /** The date ThreatLocker's collection came back empty while its job reported `completed`. */
  threatlockerEmptyDate: string | null;
  namingDrift: { from: string; to: string } | null;
  perDate: DaySummary[];
}

const optionsSchema = z.object({
  seed: z.number().int().default(20251113),
  ninjaDevices: z.number().int().positive().default(760),
  threatlockerDevices: z.number().int().positive().default(400),
  organizations: z.number().int().positive().default(40),
  days: z.number().int().positive().default(90),
  endDate: z.iso.date().optional(),
});

export type ResolvedDemoOptions = Required<DemoOptions>;

/** Validates the options and fills in defaults; throws a ZodError on bad input. */
export function resolveDemoOptions(options: DemoOptions): ResolvedDemoOptions {
  const settings = optionsSchema.parse(options);
  return { ...settings, endDate: settings.endDate ?? new Date().toISOString().slice(0, 10) };
}

const SITE_COLUMNS = ["id", "vendor_id", "vendor_site_key", "name"] as const;
const IDENTITY_COLUMNS = ["id", "vendor_id", "vendor_device_key", "first_seen_date", "last_seen_date"] as const;
const EXCEPTION_COLUMNS = ["date_found", "type", "hostname", "details", "resolved"] as const;

/** Labels for the independent random streams, so each part can change without shifting the others. */
const STREAM = { organizations: 1, fleet: 2, collections: 3 } as const;

/**
 * Fills an upstream-compatible database (tables and lookup rows present, no devices yet)
 * with a realistic fleet's history: sites, device identities, a snapshot per device, vendor
 * and date, the exceptions the cross-vendor checks derive from them, and the collector run
 * log. One transaction; rows are streamed with COPY one date at a time.
 */
export async function generateDemoData(db: pg.Pool, options: DemoOptions = {}): Promise<DemoSummary> {
  const settings = resolveDemoOptions(options);
  const { seed } = settings;
  const calendar = demoCalendar(settings.endDate, settings.days);
  const organizations = buildOrganizations(Random.derive(seed, STREAM.organizations), settings.organizations);
  const devices = buildFleet(Random.derive(seed, STREAM.fleet), { ...settings, organizations, calendar });
  const identities = assignIdentities(devices, calendar);
  const sites = allSites(organizations);
  const collectionSeed = mixSeed(seed, STREAM.collections);

  const client = await db.connect();
  try {
    await client.query("BEGIN");
    await assertNoInventory(client);
    await skipForeignKeyTriggers(client);
    const restoreIndexes = await dropSecondaryIndexes(client, BULK_TABLES);
    const ids = await lookupIds(client);
    await copyRows(
      client,
      "site",
      SITE_COLUMNS,
      sites.map((site) => ({
        id: site.id,
        vendor_id: ids.ninjaVendorId,
        vendor_site_key: site.vendorSiteKey,
        name: site.name,
      })),
    );
    await copyRows(
      client,
      "device_identity",
      IDENTITY_COLUMNS,
      identities.map((identity) => ({
        id: identity.id,
        vendor_id: identity.vendor === "ninja" ? ids.ninjaVendorId : ids.threatlockerVendorId,
        vendor_device_key: identity.key,
        first_seen_date: identity.firstSeen,
        last_seen_date: identity.lastSeen,
      })),
    );

    const perDate: DaySummary[] = [];
    const batches: JobBatchRow[] = [];
    const runs: JobRunRow[] = [];
    // Each date's COPY streams while the next date is built: the server and this process work side by side.
    let copying: Promise<void> = Promise.resolve();
    for (let day = 0; day < calendar.days; day++) {
      const plan = planCollectionDay(collectionSeed, calendar, day, settings);
      const dayStart = calendar.dayStarts[day] ?? 0;
      const today: CollectionDay = {
        day,
        date: calendar.dates[day] ?? "",
        windowStart: calendar.dayStarts[0] ?? 0,
        // A vendor nobody collected gets no rows, so its time is never written.
        ninjaWrittenAt: plan.writtenAt.ninja ?? dayStart,
        threatlockerWrittenAt: plan.writtenAt.threatlocker ?? dayStart,
        driftIntensity: driftIntensity(calendar, day),
      };
      const { ninja, threatlocker } = await dayRows(devices, today, ids, calendar);
      const exceptions = crossVendorExceptions(ninja, threatlocker);
      await copying;
      copying = copyDay(client, today.date, [...ninja, ...threatlocker], exceptions);
      // Awaited with the next date; until then this only stops Node reporting a failure as unhandled.
      copying.catch(() => {});
      const jobs = collectionJobRows(collectionSeed, day, plan, {
        ninja: ninja.length,
        threatlocker: threatlocker.length,
        exceptions: exceptions.length,
      });
      batches.push(...jobs.batches);
      runs.push(...jobs.runs);
      perDate.push({
        date: today.date,
        ninjaRows: ninja.length,
        threatlockerRows: threatlocker.length,
        exceptions: countByType(exceptions),
      });
    }
    await copying;
    await copyRows(client, "job_batches", JOB_BATCH_COLUMNS, batches);
    await copyRows(client, "job_runs", JOB_RUN_COLUMNS, runs);
    await restoreIndexes();
    // Ids were written explicitly: move the serial sequences past them.
    for (const table of ["site", "device_identity"]) {
      await client.query(`SELECT setval(pg_get_serial_sequence($1, 'id'), (SELECT max(id) FROM ${table}))`, [table]);
    }
    await client.query("COMMIT");
    // Fresh statistics, so the first queries after a bulk load are planned for its real size.
    await client.query("ANALYZE site, device_identity, device_snapshot, exceptions, job_batches, job_runs");

    const dateOf = (day: number | null) => (day === null ? null : (calendar.dates[day] ?? null));
    const sum = (count: (d: DaySummary) => number) => perDate.reduce((total, d) => total + count(d), 0);
    return {
      startDate: calendar.dates[0] ?? "",
      endDate: calendar.dates.at(-1) ?? "",
      dates: calendar.days,
      organizations: organizations.length,
      sites: sites.length,
      deviceIdentities: identities.length,
      snapshotRows: sum((d) => d.ninjaRows + d.threatlockerRows),
      exceptionRows: sum((d) => Object.values(d.exceptions).reduce((a, b) => a + b, 0)),
      jobRuns: runs.length,
      ninjaMissingDate: dateOf(calendar.ninjaMissingDay),
      threatlockerEmptyDate: dateOf(calendar.threatlockerEmptyDay),
      namingDrift: calendar.drift && { from: dateOf(calendar.drift.from) ?? "", to: dateOf(calendar.drift.to) ?? "" },
      perDate,
    };
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}

/** Devices built between two yields to the event loop, which keep the previous date's COPY flowing. */
const DEVICES_PER_SLICE = 2000;

/**
 * One date's rows in fleet order; ThreatLocker's lingering duplicates come last, as they
 * were registered after the computers they duplicate.
 */
async function dayRows(devices: readonly DemoDevice[], today: CollectionDay, ids: LookupIds, calendar: DemoCalendar) {
  const ninja: NinjaSnapshotRow[] = [];
  const threatlocker: ThreatLockerSnapshotRow[] = [];
  const duplicates: ThreatLockerSnapshotRow[] = [];
  for (const [index, device] of devices.entries()) {
    if (presentOn(device.ninja, today.day, calendar.ninjaMissingDay)) ninja.push(ninjaRow(device, today, ids));
    if (presentOn(device.threatlocker, today.day, calendar.threatlockerEmptyDay)) {
      threatlocker.push(threatlockerRow(device, today, ids, false));
    }
    if (presentOn(device.duplicate?.span ?? null, today.day, calendar.threatlockerEmptyDay)) {
      duplicates.push(threatlockerRow(device, today, ids, true));
    }
    if (index % DEVICES_PER_SLICE === DEVICES_PER_SLICE - 1) await setImmediate();
  }
  return { ninja, threatlocker: [...threatlocker, ...duplicates] };
}

async function copyDay(
  client: pg.PoolClient,
  date: string,
  snapshots: readonly SnapshotRow[],
  exceptions: readonly CheckedException[],
) {
  await copyRows(client, "device_snapshot", SNAPSHOT_COLUMNS, snapshots);
  await copyRows(
    client,
    "exceptions",
    EXCEPTION_COLUMNS,
    exceptions.map((e) => ({
      date_found: date,
      type: e.type,
      hostname: e.hostname,
      details: JSON.stringify(e.details),
      resolved: false,
    })),
  );
}

function countByType(exceptions: readonly CheckedException[]): Record<ExceptionType, number> {
  const counts = Object.fromEntries(EXCEPTION_TYPES.map((type) => [type, 0])) as Record<ExceptionType, number>;
  for (const exception of exceptions) counts[exception.type]++;
  return counts;
}

async function assertNoInventory(client: pg.PoolClient) {
  const { rows } = await client.query<{ used: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM device_snapshot) OR EXISTS (SELECT 1 FROM device_identity) OR EXISTS (SELECT 1 FROM site) AS used`,
  );
  if (rows[0]?.used)
    throw new Error(
      "Demo data needs an inventory without devices: device_snapshot, device_identity and site must be empty.",
    );
}

/**
 * Per-row foreign-key triggers cost about a third of the load time. Where the role may
 * (a superuser, as for the embedded and test databases), they are skipped for this
 * transaction, as pg_restore does: every id written is consistent by construction, and the
 * integration tests check referential integrity. Other roles load with the checks on.
 */
async function skipForeignKeyTriggers(client: pg.PoolClient) {
  await client.query("SAVEPOINT skip_foreign_key_triggers");
  try {
    await client.query("SET LOCAL session_replication_role = replica");
  } catch (error) {
    if ((error as { code?: string }).code !== "42501") throw error;
    await client.query("ROLLBACK TO SAVEPOINT skip_foreign_key_triggers");
  }
}

/** The tables that grow with fleet size × days. */
const BULK_TABLES = ["device_snapshot", "exceptions"];

/**
 * Building an index once over the loaded rows is several times faster than keeping it up to
 * date row by row (pg_restore's order too). Indexes that back a constraint stay, so the load
 * is still checked for duplicates. Returns the step that recreates the dropped ones.
 */
async function dropSecondaryIndexes(client: pg.PoolClient, tables: readonly string[]): Promise<() => Promise<void>> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i
      WHERE i.indrelid = ANY($1::regclass[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
    [tables],
  );
  for (const index of rows) await client.query(`DROP INDEX ${index.name}`);
  return async () => {
    await client.query("SET LOCAL maintenance_work_mem = '256MB'");
    for (const index of rows) await client.query(index.definition);
  };
}

/** Vendors by exact name, lookups by code: ids differ between databases. */
async function lookupIds(client: pg.PoolClient): Promise<LookupIds> {
  const idsOf = async <K extends string>(sql: string, keys: readonly K[]): Promise<Record<K, number>> => {
    const { rows } = await client.query<{ key: K; id: number }>(sql, [keys]);
    const missing = keys.filter((key) => !rows.some((row) => row.key === key));
    if (missing.length > 0) throw new Error(`Upstream lookup rows missing: ${missing.join(", ")}`);
    return Object.fromEntries(rows.map((row) => [row.key, row.id])) as Record<K, number>;
  };
  const vendors = await idsOf(`SELECT name AS key, id FROM vendor WHERE name = ANY($1)`, ["Ninja", "ThreatLocker"]);
  return {
    ninjaVendorId: vendors.Ninja,
    threatlockerVendorId: vendors.ThreatLocker,
    billingStatus: await idsOf<BillingCode>(`SELECT code AS key, id FROM billing_status WHERE code = ANY($1)`, [
      "billable",
      "spare",
      "unknown",
    ]),
    deviceType: await idsOf<DeviceKind>(`SELECT code AS key, id FROM device_type WHERE code = ANY($1)`, [
      "server",
      "workstation",
      "unknown",
    ]),
  };
}
