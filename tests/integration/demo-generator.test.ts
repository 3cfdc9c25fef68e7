import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoOptions, type DemoSummary, generateDemoData } from "@/lib/demo/generate";
import { createUpstreamDatabase, type TestDatabase } from "../helpers/test-database";

const END_DATE = "2026-11-24";

async function generate(database: TestDatabase, options: DemoOptions, label: string) {
  const started = performance.now();
  const summary = await generateDemoData(database.pool, options);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `demo data ${label}: ${summary.snapshotRows} snapshot rows, ${summary.exceptionRows} exceptions in ${seconds.toFixed(1)} s`,
  );
  return { summary, seconds };
}

async function rows<T>(database: TestDatabase, text: string, values: unknown[] = []): Promise<T[]> {
  return (await database.pool.query(text, values)).rows as T[];
}

/** Every stored row in a stable order, hashed: equal only for byte-identical data. */
async function checksum(database: TestDatabase): Promise<string> {
  const tables = ["site", "device_identity", "device_snapshot", "exceptions", "job_batches", "job_runs"];
  const parts = await Promise.all(
    tables.map(async (table) => {
      const [row] = await rows<{ md5: string }>(
        database,
        `SELECT md5(string_agg(t::text, E'\\n' ORDER BY t::text)) AS md5 FROM ${table} t`,
      );
      return `${table}:${row?.md5}`;
    }),
  );
  return parts.join(" ");
}

/** Rows per date and vendor, looked up by vendor name. */
async function volumes(database: TestDatabase) {
  const counts = await rows<{ date: string; ninja: number; threatlocker: number }>(
    database,
    `SELECT s.snapshot_date::text AS date,
            count(*) FILTER (WHERE v.name = 'Ninja')::int AS ninja,
            count(*) FILTER (WHERE v.name = 'ThreatLocker')::int AS threatlocker
     FROM device_snapshot s JOIN vendor v ON v.id = s.vendor_id GROUP BY s.snapshot_date ORDER BY 1`,
  );
  return counts;
}

async function exceptionsPerDate(database: TestDatabase) {
  return rows<{ date: string; type: string; count: number }>(
    database,
    `SELECT date_found::text AS date, type, count(*)::int AS count FROM exceptions GROUP BY 1, 2 ORDER BY 1, 2`,
  );
}

/**
 * MISSING_NINJA derived straight from device_snapshot in SQL, independently of the
 * generator's TypeScript rules: ThreatLocker rows whose key no Ninja row of that date has.
 */
async function missingNinjaBySql(database: TestDatabase, date?: string) {
  return rows<{ date: string; hostname: string }>(
    database,
    `WITH keyed AS (
       SELECT s.snapshot_date, v.name AS vendor, lower(split_part(split_part(s.hostname, '|', 1), '.', 1)) AS key
       FROM device_snapshot s JOIN vendor v ON v.id = s.vendor_id
       WHERE v.name IN ('Ninja', 'ThreatLocker') AND ($1::date IS NULL OR s.snapshot_date = $1::date)
     ),
     ninja AS (SELECT DISTINCT snapshot_date, key FROM keyed WHERE vendor = 'Ninja')
     SELECT tl.snapshot_date::text AS date, tl.key AS hostname
     FROM keyed tl LEFT JOIN ninja n USING (snapshot_date, key)
     WHERE tl.vendor = 'ThreatLocker' AND n.key IS NULL
     ORDER BY 1, 2`,
    [date ?? null],
  );
}

async function missingNinjaExceptions(database: TestDatabase, date?: string) {
  return rows<{ date: string; hostname: string }>(
    database,
    `SELECT date_found::text AS date, hostname FROM exceptions
     WHERE type = 'MISSING_NINJA' AND ($1::date IS NULL OR date_found = $1::date) ORDER BY 1, 2`,
    [date ?? null],
  );
}

describe.each(["guide", "rebuilt"] as const)("demo data at the default size, %s vendor layout", (vendorLayout) => {
  let database: TestDatabase;
  let summary: DemoSummary;
  let seconds: number;
  beforeAll(async () => {
    database = await createUpstreamDatabase({ vendorLayout });
    ({ summary, seconds } = await generate(database, { endDate: END_DATE }, `default (${vendorLayout})`));
  });
  afterAll(() => database?.drop());

  it("takes well under a minute", () => {
    expect(seconds).toBeLessThan(60);
  });

  it("covers 90 dates ending on the end date, both vendors at their normal size on the last one", async () => {
    const perDate = await volumes(database);
    expect(perDate).toHaveLength(90);
    expect(perDate.at(-1)).toEqual({ date: END_DATE, ninja: 760, threatlocker: 400 });
    expect(summary).toMatchObject({ dates: 90, endDate: END_DATE, startDate: "2026-08-27", organizations: 42 });
  });

  it("has realistic per-date volumes apart from the two collection gaps", async () => {
    const perDate = await volumes(database);
    const normal = perDate.filter((d) => d.ninja > 0 && d.threatlocker > 0);
    expect(normal).toHaveLength(88);
    for (const day of normal) {
      expect(day.ninja).toBeGreaterThanOrEqual(580);
      expect(day.ninja).toBeLessThanOrEqual(770);
      expect(day.threatlocker).toBeGreaterThanOrEqual(380);
      expect(day.threatlocker).toBeLessThanOrEqual(710);
    }
  });

  it("has one failed ThreatLocker collection about three weeks back: 0 rows, job still completed", async () => {
    const empty = (await volumes(database)).filter((d) => d.threatlocker === 0);
    expect(empty.map((d) => d.date)).toEqual([summary.threatlockerEmptyDate]);
    expect(empty[0]?.date).toBe("2026-11-04");
    const jobs = await rows<{ status: string; message: string }>(
      database,
      `SELECT status, message FROM job_runs WHERE job_name = 'threatlocker-collector' AND (started_at AT TIME ZONE 'UTC')::date = $1`,
      [summary.threatlockerEmptyDate],
    );
    expect(jobs).toEqual([{ status: "completed", message: "Collected 0 devices" }]);
  });

  it("has one date without Ninja, on which every ThreatLocker device is MISSING_NINJA", async () => {
    const lost = (await volumes(database)).filter((d) => d.ninja === 0);
    expect(lost.map((d) => d.date)).toEqual([summary.ninjaMissingDate]);
    const [day] = lost;
    const flagged = (await exceptionsPerDate(database)).find((e) => e.date === day?.date && e.type === "MISSING_NINJA");
    expect(flagged?.count).toBe(day?.threatlocker);
    const failed = await rows<{ message: string }>(
      database,
      `SELECT message FROM job_runs WHERE job_name = 'ninja-collector' AND status = 'failed' AND (started_at AT TIME ZONE 'UTC')::date = $1`,
      [day?.date],
    );
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((run) => run.message.length > 0)).toBe(true);
  });

  it("logs collector runs every date, around 23:00 or 03:00 US Central, and checks only sometimes", async () => {
    const runs = await rows<{ job_name: string; dates: number; hours: number[] }>(
      database,
      `SELECT job_name, count(DISTINCT (started_at AT TIME ZONE 'UTC')::date)::int AS dates,
              array_agg(DISTINCT extract(hour FROM started_at AT TIME ZONE 'America/Chicago')::int) AS hours
       FROM job_runs GROUP BY job_name`,
    );
    const byName = Object.fromEntries(runs.map((run) => [run.job_name, run]));
    expect(byName["ninja-collector"]?.dates).toBe(90);
    expect(byName["threatlocker-collector"]?.dates).toBe(90);
    expect(byName["ninja-collector"]?.hours.every((hour) => hour === 23 || hour === 3)).toBe(true);
    expect(byName["cross-vendor-checks"]?.dates).toBeGreaterThan(10);
    expect(byName["cross-vendor-checks"]?.dates).toBeLessThan(70);
  });

  it("keeps steady-state exceptions at 15–60 per date, mostly SPARE_MISMATCH, with a naming-drift spike", async () => {
    const byDate = new Map<string, Record<string, number>>();
    for (const { date, type, count } of await exceptionsPerDate(database))
      byDate.set(date, { ...byDate.get(date), [type]: count });
    const drift = summary.namingDrift;
    expect(drift).not.toBeNull();
    const inDrift = (date: string) => !!drift && date >= drift.from && date <= drift.to;
    const steady = [...byDate].filter(([date]) => !inDrift(date) && date !== summary.ninjaMissingDate);
    expect(steady.length).toBeGreaterThan(80);
    for (const [, counts] of steady) {
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      expect(total).toBeGreaterThanOrEqual(15);
      expect(total).toBeLessThanOrEqual(60);
      expect(counts.SPARE_MISMATCH).toBe(Math.max(...Object.values(counts)));
      expect(counts.DUPLICATE_TL ?? 0).toBeLessThanOrEqual(4);
      expect(counts.DISPLAY_NAME_MISMATCH ?? 0).toBeLessThanOrEqual(12);
    }
    const peak = Math.max(
      ...[...byDate].filter(([date]) => inDrift(date)).map(([, counts]) => counts.DISPLAY_NAME_MISMATCH ?? 0),
    );
    expect(peak).toBeGreaterThanOrEqual(200);
  });

  it("produces every exception type, each with its documented details keys", async () => {
    const shapes = await rows<{ type: string; keys: string[] }>(
      database,
      `SELECT type, array_agg(DISTINCT key ORDER BY key) AS keys
       FROM exceptions, jsonb_object_keys(details) AS key GROUP BY type ORDER BY type`,
    );
    expect(shapes).toEqual([
      {
        type: "DISPLAY_NAME_MISMATCH",
        keys: [
          "hostname_base",
          "ninja_display_name",
          "ninja_hostname",
          "ninja_org_name",
          "note",
          "tl_display_name",
          "tl_hostname",
          "tl_org_name",
        ],
      },
      {
        type: "DUPLICATE_TL",
        keys: ["count", "duplicate_hostnames", "hostname_base", "organizations", "sites", "tl_org_name"],
      },
      {
        type: "MISSING_NINJA",
        keys: [
          "data_quality_issue",
          "original_stored_hostname",
          "tl_canonical_key",
          "tl_hostname",
          "tl_org_name",
          "tl_site_name",
        ],
      },
      {
        type: "SITE_MISMATCH",
        keys: ["hostname_base", "ninja_hostname", "ninja_org", "ninja_site", "tl_hostname", "tl_org", "tl_site"],
      },
      {
        type: "SPARE_MISMATCH",
        keys: [
          "hostname_base",
          "ninja_billing_status",
          "ninja_hostname",
          "ninja_org_name",
          "ninja_site",
          "note",
          "tl_hostname",
          "tl_org_name",
          "tl_site",
        ],
      },
    ]);
    const [unresolved] = await rows<{ all: boolean }>(
      database,
      `SELECT bool_and(NOT resolved AND resolved_date IS NULL) AS all FROM exceptions`,
    );
    expect(unresolved?.all).toBe(true);
  });

  it("agrees with an independent SQL derivation of MISSING_NINJA on every date", async () => {
    const expected = await missingNinjaBySql(database);
    expect(expected.length).toBeGreaterThan(500);
    expect(await missingNinjaExceptions(database)).toEqual(expected);
  });

  it("agrees with an independent SQL derivation of DUPLICATE_TL on every date", async () => {
    const bySql = await rows<{ date: string; key: string; count: number }>(
      database,
      `SELECT s.snapshot_date::text AS date, lower(split_part(split_part(s.hostname, '|', 1), '.', 1)) AS key, count(*)::int AS count
       FROM device_snapshot s JOIN vendor v ON v.id = s.vendor_id WHERE v.name = 'ThreatLocker'
       GROUP BY 1, 2 HAVING count(*) > 1 ORDER BY 1, 2`,
    );
    const stored = await rows<{ date: string; key: string; count: number }>(
      database,
      `SELECT date_found::text AS date, details->>'hostname_base' AS key, (details->>'count')::int AS count
       FROM exceptions WHERE type = 'DUPLICATE_TL' ORDER BY 1, 2`,
    );
    expect(bySql.length).toBeGreaterThan(20);
    expect(stored).toEqual(bySql);
  });

  it("writes realistic rows: NetBIOS fallbacks, FQDNs, `HOST | user` names, spares, sites by code", async () => {
    const [facts] = await rows<Record<string, number>>(
      database,
      `SELECT
         count(*) FILTER (WHERE v.name = 'Ninja' AND s.hostname LIKE '%.%')::int AS ninja_fqdn,
         count(*) FILTER (WHERE v.name = 'ThreatLocker' AND s.hostname LIKE '% | %')::int AS pipe_hostnames,
         count(*) FILTER (WHERE v.name = 'ThreatLocker' AND (s.site_id IS NOT NULL OR s.device_type_id IS NOT NULL OR s.billing_status_id IS NOT NULL))::int AS tl_with_ninja_fields,
         count(*) FILTER (WHERE v.name = 'Ninja' AND b.code IS DISTINCT FROM s.billable_status_name)::int AS billing_disagreeing,
         count(*) FILTER (WHERE v.name = 'Ninja' AND d.code IS DISTINCT FROM s.device_type_name)::int AS type_disagreeing,
         count(*) FILTER (WHERE v.name = 'Ninja' AND site.name IS DISTINCT FROM s.location_name)::int AS site_disagreeing,
         count(*) FILTER (WHERE v.name = 'Ninja' AND s.location_name = 'ES Spare')::int AS in_es_spare,
         count(*) FILTER (WHERE v.name = 'Ninja' AND s.display_name LIKE '% | SPARE - was % (at ES)')::int AS spare_display_names,
         count(*) FILTER (WHERE v.name = 'Ninja' AND s.display_name = '')::int AS empty_ninja_display_names,
         count(*) FILTER (WHERE v.name = 'ThreatLocker' AND s.security_mode = 'Learning')::int AS learning
       FROM device_snapshot s JOIN vendor v ON v.id = s.vendor_id
       LEFT JOIN billing_status b ON b.id = s.billing_status_id
       LEFT JOIN device_type d ON d.id = s.device_type_id
       LEFT JOIN site ON site.id = s.site_id`,
    );
    expect(facts).toMatchObject({
      tl_with_ninja_fields: 0,
      billing_disagreeing: 0,
      type_disagreeing: 0,
      site_disagreeing: 0,
    });
    for (const key of [
      "ninja_fqdn",
      "pipe_hostnames",
      "in_es_spare",
      "spare_display_names",
      "empty_ninja_display_names",
      "learning",
    ]) {
      expect(facts?.[key], key).toBeGreaterThan(0);
    }
  });

  it("has Ninja devices reporting a 15-character NetBIOS name that ThreatLocker knows in full", async () => {
    const fallbacks = await rows<{ ninja: string; threatlocker: string }>(
      database,
      `SELECT DISTINCT n.hostname AS ninja, t.hostname AS threatlocker
       FROM device_snapshot n JOIN device_snapshot t ON t.snapshot_date = n.snapshot_date AND t.hostname LIKE n.hostname || '_%'
       WHERE n.vendor_id = (SELECT id FROM vendor WHERE name = 'Ninja') AND t.vendor_id = (SELECT id FROM vendor WHERE name = 'ThreatLocker')
         AND n.snapshot_date = $1 AND length(n.hostname) = 15 AND n.hostname NOT LIKE '%.%'`,
      [END_DATE],
    );
    expect(fallbacks.length).toBeGreaterThan(0);
    const flagged = await missingNinjaExceptions(database, END_DATE);
    for (const { threatlocker } of fallbacks)
      expect(flagged.map((row) => row.hostname)).toContain(threatlocker.toLowerCase());
  });

  it("keeps every reference valid (the load may skip foreign-key triggers)", async () => {
    const [orphans] = await rows<Record<string, number>>(
      database,
      `SELECT
         (SELECT count(*) FROM device_snapshot s WHERE NOT EXISTS (SELECT 1 FROM vendor v WHERE v.id = s.vendor_id))::int AS vendor,
         (SELECT count(*) FROM device_snapshot s WHERE NOT EXISTS (SELECT 1 FROM device_identity i WHERE i.id = s.device_identity_id AND i.vendor_id = s.vendor_id))::int AS identity,
         (SELECT count(*) FROM device_snapshot s WHERE s.site_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM site WHERE site.id = s.site_id))::int AS site,
         (SELECT count(*) FROM device_snapshot s WHERE s.device_type_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM device_type d WHERE d.id = s.device_type_id))::int AS device_type,
         (SELECT count(*) FROM device_snapshot s WHERE s.billing_status_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM billing_status b WHERE b.id = s.billing_status_id))::int AS billing_status,
         (SELECT count(*) FROM site WHERE vendor_id <> (SELECT id FROM vendor WHERE name = 'Ninja'))::int AS site_vendor,
         (SELECT count(*) FROM job_runs r WHERE NOT EXISTS (SELECT 1 FROM job_batches b WHERE b.batch_id = r.batch_id))::int AS job_batch`,
    );
    expect(orphans).toEqual({
      vendor: 0,
      identity: 0,
      site: 0,
      device_type: 0,
      billing_status: 0,
      site_vendor: 0,
      job_batch: 0,
    });
    const next = await rows<{ site: number; identity: number }>(
      database,
      `SELECT nextval(pg_get_serial_sequence('site', 'id'))::int AS site, nextval(pg_get_serial_sequence('device_identity', 'id'))::int AS identity`,
    );
    expect(next).toEqual([{ site: summary.sites + 1, identity: summary.deviceIdentities + 1 }]);
  });

  it("leaves every upstream index as the DDL creates it (they are dropped for the load and rebuilt)", async () => {
    const indexes = (db: TestDatabase) =>
      rows<{ definition: string }>(
        db,
        `SELECT pg_get_indexdef(indexrelid) AS definition FROM pg_index WHERE indrelid IN ('device_snapshot'::regclass, 'exceptions'::regclass) ORDER BY 1`,
      );
    const fresh = await createUpstreamDatabase({ vendorLayout });
    try {
      const expected = await indexes(fresh);
      expect(expected.length).toBeGreaterThan(10);
      expect(await indexes(database)).toEqual(expected);
    } finally {
      await fresh.drop();
    }
  });

  it("dates each device identity by its first and last snapshot", async () => {
    const [mismatch] = await rows<{ n: number; identities: number }>(
      database,
      `SELECT count(*) FILTER (WHERE i.first_seen_date <> s.first OR i.last_seen_date <> s.last OR s.first IS NULL)::int AS n,
              count(*)::int AS identities
       FROM device_identity i
       LEFT JOIN (SELECT device_identity_id, min(snapshot_date) AS first, max(snapshot_date) AS last
                  FROM device_snapshot GROUP BY 1) s ON s.device_identity_id = i.id`,
    );
    expect(mismatch).toEqual({ n: 0, identities: summary.deviceIdentities });
  });
});

describe("determinism", () => {
  const databases: TestDatabase[] = [];
  const fresh = async () => {
    const database = await createUpstreamDatabase();
    databases.push(database);
    return database;
  };
  afterAll(() => Promise.all(databases.map((database) => database.drop())));

  it("writes byte-identical data for the same options and seed", async () => {
    const [first, second] = [await fresh(), await fresh()];
    await generate(first, { endDate: END_DATE }, "default, first run");
    await generate(second, { endDate: END_DATE }, "default, second run");
    expect(await checksum(second)).toBe(await checksum(first));
  });

  it("writes different data for another seed", async () => {
    const small = { ninjaDevices: 60, threatlockerDevices: 40, organizations: 5, days: 15, endDate: END_DATE };
    const [first, second] = [await fresh(), await fresh()];
    await generate(first, { ...small, seed: 1 }, "small, seed 1");
    await generate(second, { ...small, seed: 2 }, "small, seed 2");
    expect(await checksum(second)).not.toBe(await checksum(first));
  });

  it("refuses a database that already holds devices, leaving it unchanged", async () => {
    const database = await fresh();
    const small = { ninjaDevices: 20, threatlockerDevices: 10, organizations: 2, days: 3, endDate: END_DATE };
    await generate(database, small, "tiny");
    const before = await checksum(database);
    await expect(generateDemoData(database.pool, small)).rejects.toThrow(/must be empty/);
    expect(await checksum(database)).toBe(before);
  });
});

describe("demo data at 5,000 devices per vendor × 90 days", () => {
  let database: TestDatabase;
  let summary: DemoSummary;
  let seconds: number;
  beforeAll(async () => {
    database = await createUpstreamDatabase({ vendorLayout: "rebuilt" });
    ({ summary, seconds } = await generate(
      database,
      { ninjaDevices: 5000, threatlockerDevices: 5000, endDate: END_DATE },
      "5,000 × 90",
    ));
  }, 240_000);
  afterAll(() => database?.drop());

  it("finishes in well under two minutes", () => {
    expect(seconds).toBeLessThan(120);
  });

  it("scales the last date's volumes", async () => {
    const last = (await volumes(database)).at(-1);
    expect(last?.ninja).toBe(5000);
    expect(last?.threatlocker).toBeGreaterThan(4700);
    expect(summary.perDate.at(-1)).toMatchObject({ ninjaRows: last?.ninja, threatlockerRows: last?.threatlocker });
  });

  it("agrees with the independent SQL derivation of MISSING_NINJA on the last date", async () => {
    const expected = await missingNinjaBySql(database, END_DATE);
    expect(expected.length).toBeGreaterThan(20);
    expect(await missingNinjaExceptions(database, END_DATE)).toEqual(expected);
  });
});
