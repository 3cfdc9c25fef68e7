import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Database } from "@/lib/db/prisma";
import { DEVICE_PRESENCE_DAYS, getDeviceDetail } from "@/lib/devices/device-detail";
import { DEVICE_SEARCH_LIMIT, searchDevices } from "@/lib/devices/device-search";
import { resolveVariance } from "@/lib/variances/commands/resolve-variance";
import { createDemoDatabase, DEMO_END_DATE, type TestDatabase } from "../helpers/test-database";
import { TRUNCATED_PAIR_SQL } from "../helpers/truncated-pair-sql";
import { createTriageActors, expectRefusedUnchanged, roleless, type TriageActors } from "../helpers/variance-fixtures";

/**
 * The expectations below come from plain SQL on each vendor's newest snapshot date and a
 * grouping rule written out here again (not imported), so a mistake in the code under test
 * cannot hide in its own helpers.
 */
interface LatestRow {
  vendor: "Ninja" | "ThreatLocker";
  hostname: string;
  display_name: string | null;
  organization_name: string | null;
  location_name: string | null;
  billing: string | null;
  os_name: string | null;
  last_online: Date | null;
  agent_version: string | null;
  security_mode: string | null;
  deny_count_1d: number | null;
  deny_count_3d: number | null;
  deny_count_7d: number | null;
  has_tpm: boolean | null;
  tpm_enabled: boolean | null;
  tpm_version: string | null;
  secure_boot_available: boolean | null;
  secure_boot_enabled: boolean | null;
  windows_11_24h2_capable: boolean | null;
}

const keyOf = (hostname: string) => (hostname.split("|")[0] ?? "").split(".")[0]!.toLowerCase();

/** Whether a row is the device of `key`: the same key, or a Ninja NetBIOS name that `key` starts with. */
const belongsTo = (row: { vendor: string; hostname: string }, key: string) => {
  const own = keyOf(row.hostname);
  return own === key || (row.vendor === "Ninja" && own.length === 15 && key.length > 15 && key.startsWith(own));
};

/** The device a row belongs to: its own key, or for a 15-character Ninja key each longer ThreatLocker key starting with it. */
function deviceKeysOf(row: LatestRow, threatlockerKeys: Set<string>): { key: string; truncated: boolean }[] {
  const key = keyOf(row.hostname);
  if (row.vendor === "Ninja" && key.length === 15) {
    const longer = [...threatlockerKeys].filter((candidate) => candidate.length > 15 && candidate.startsWith(key));
    if (longer.length) return longer.map((full) => ({ key: full, truncated: true }));
  }
  return [{ key, truncated: false }];
}

describe("device lookup on the demo data", () => {
  let database: TestDatabase;
  let db: Database;
  let actors: TriageActors;
  let latest: LatestRow[];
  let threatlockerKeys: Set<string>;
  const today = DEMO_END_DATE;

  const sql = async <T>(text: string, values: unknown[] = []) => (await database.pool.query(text, values)).rows as T[];

  beforeAll(async () => {
    database = await createDemoDatabase();
    db = createPrismaClient(database.url);
    actors = await createTriageActors(db);
    latest = await sql<LatestRow>(`
      SELECT v.name AS vendor, s.hostname, s.display_name, s.organization_name, s.location_name, b.code AS billing,
             s.os_name, s.last_online, s.agent_version, s.security_mode, s.deny_count_1d, s.deny_count_3d, s.deny_count_7d,
             s.has_tpm, s.tpm_enabled, s.tpm_version, s.secure_boot_available, s.secure_boot_enabled, s.windows_11_24h2_capable
      FROM device_snapshot s
      JOIN vendor v ON v.id = s.vendor_id
      LEFT JOIN billing_status b ON b.id = s.billing_status_id
      WHERE v.name IN ('Ninja', 'ThreatLocker') AND s.hostname IS NOT NULL
        AND (s.vendor_id, s.snapshot_date) IN (SELECT vendor_id, max(snapshot_date) FROM device_snapshot GROUP BY vendor_id)`);
    threatlockerKeys = new Set(latest.filter((row) => row.vendor === "ThreatLocker").map((row) => keyOf(row.hostname)));
  });
  afterAll(async () => {
    await db.$disconnect();
    await database.drop();
  });

  /** Every device (key → its rows) whose hostname or display name contains `q`, any case. */
  function expectedSearch(q: string) {
    const needle = q.toLowerCase();
    const devices = new Map<string, { vendor: string; hostname: string; truncated: boolean }[]>();
    for (const row of latest) {
      for (const { key, truncated } of deviceKeysOf(row, threatlockerKeys)) {
        if (!key) continue;
        devices.set(key, [...(devices.get(key) ?? []), { vendor: row.vendor, hostname: row.hostname, truncated }]);
      }
    }
    const matches = (row: LatestRow) =>
      row.hostname.toLowerCase().includes(needle) || !!row.display_name?.toLowerCase().includes(needle);
    const matchedKeys = new Set(
      latest.filter(matches).flatMap((row) => deviceKeysOf(row, threatlockerKeys).map(({ key }) => key)),
    );
    return new Map([...devices].filter(([key]) => matchedKeys.has(key)));
  }

  const sortRows = <T extends { vendor: string; hostname: string }>(rows: T[]) =>
    [...rows].sort((a, b) => a.vendor.localeCompare(b.vendor) || a.hostname.localeCompare(b.hostname));

  async function expectSearchMatchesSql(q: string) {
    const expected = expectedSearch(q);
    const result = await searchDevices(db, actors.manager, q);
    expect(result.total).toBe(expected.size);
    expect(result.groups.length).toBe(Math.min(expected.size, DEVICE_SEARCH_LIMIT));
    for (const group of result.groups) {
      const rows = expected.get(group.key);
      expect(rows, `device ${group.key}`).toBeDefined();
      expect(sortRows(group.rows.map(({ vendor, hostname, truncated }) => ({ vendor, hostname, truncated })))).toEqual(
        sortRows(rows!),
      );
      expect(group.truncated).toBe(rows!.some((row) => row.truncated));
    }
    return { result, expected };
  }

  async function truncatedPair() {
    const [pair] = await sql<{ ninja: string; threatlocker: string; key: string }>(TRUNCATED_PAIR_SQL);
    expect(pair, "the demo data has a Ninja NetBIOS name matching a longer ThreatLocker hostname").toBeDefined();
    return pair!;
  }

  it("reads each vendor's newest snapshot date", async () => {
    const dates = await sql<{ vendor: string; date: string }>(
      `SELECT v.name AS vendor, max(s.snapshot_date)::text AS date FROM device_snapshot s JOIN vendor v ON v.id = s.vendor_id
       WHERE v.name IN ('Ninja', 'ThreatLocker') GROUP BY v.name ORDER BY v.name`,
    );
    const result = await searchDevices(db, actors.manager, "a");
    expect(result.searchedDates).toEqual(dates);
  });

  it("finds the longer ThreatLocker host from a truncated 15-character Ninja name, flagged as truncated", async () => {
    const pair = await truncatedPair();
    const netbios = pair.ninja.split(".")[0]!.toUpperCase();
    expect(netbios).toHaveLength(15);
    const { result } = await expectSearchMatchesSql(netbios);
    const device = result.groups.find((group) => group.key === pair.key);
    expect(device).toBeDefined();
    expect(device!.truncated).toBe(true);
    expect(device!.rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ vendor: "Ninja", hostname: pair.ninja, truncated: true }),
        expect.objectContaining({ vendor: "ThreatLocker", hostname: pair.threatlocker, truncated: false }),
      ]),
    );
    // The full ThreatLocker name finds the same device, truncated Ninja row included, and ranks it first.
    const full = await expectSearchMatchesSql(pair.threatlocker.toLowerCase());
    expect(full.result.groups[0]?.key).toBe(pair.key);
    expect(full.result.groups[0]?.rows.map((row) => row.vendor).sort()).toEqual(["Ninja", "ThreatLocker"]);
  });

  it("matches hostnames, display names and serial fragments in any case, across both vendors", async () => {
    const [named] = await sql<{ display_name: string }>(
      `SELECT s.display_name FROM device_snapshot s JOIN vendor v ON v.id = s.vendor_id
       WHERE v.name = 'ThreatLocker' AND s.display_name LIKE '% | %' ORDER BY s.snapshot_date DESC, s.id LIMIT 1`,
    );
    const person = named!.display_name.split(" | ")[1]!.split(" ").at(-1)!;
    const byPerson = await expectSearchMatchesSql(person.toLowerCase());
    expect(byPerson.result.total).toBeGreaterThan(0);

    const serial = latest.find((row) => row.vendor === "Ninja" && keyOf(row.hostname).length >= 11)!;
    const fragment = keyOf(serial.hostname).slice(5, 10);
    const bySerial = await expectSearchMatchesSql(fragment.toUpperCase());
    expect(bySerial.result.groups.length).toBeGreaterThan(0);

    // Exact key first, even when other devices' names contain it.
    const exact = await expectSearchMatchesSql(keyOf(serial.hostname));
    expect(exact.result.groups[0]?.key).toBe(keyOf(serial.hostname));
  });

  it("caps a broad search and counts every match", async () => {
    const { result, expected } = await expectSearchMatchesSql("-");
    expect(expected.size).toBeGreaterThan(DEVICE_SEARCH_LIMIT);
    expect(result.groups).toHaveLength(DEVICE_SEARCH_LIMIT);
  });

  it("treats % and _ as literal characters and finds nothing for an unknown name", async () => {
    for (const q of ["%", "_", "zz-no-such-host"]) {
      const { result } = await expectSearchMatchesSql(q);
      expect(result.total).toBe(0);
      expect(result.groups).toEqual([]);
    }
  });

  async function expectDetailMatchesSql(key: string) {
    const detail = await getDeviceDetail(db, actors.manager, key, today);
    expect(detail, key).not.toBeNull();
    for (const vendor of ["Ninja", "ThreatLocker"] as const) {
      const expected = latest.filter((row) => row.vendor === vendor && belongsTo(row, key));
      const shown = detail!.vendors.find((candidate) => candidate.vendor === vendor)!;
      const [dateRow] = await sql<{ date: string }>(
        `SELECT max(s.snapshot_date)::text AS date FROM device_snapshot s JOIN vendor v ON v.id = s.vendor_id WHERE v.name = $1`,
        [vendor],
      );
      expect(shown.latestDate).toBe(dateRow!.date);
      expect(
        sortRows(
          shown.rows.map((row) => ({
            vendor: row.vendor,
            hostname: row.hostname,
            display_name: row.displayName,
            organization_name: row.organization,
            location_name: row.location,
            billing: row.billingStatus,
            os_name: row.os,
            last_online: row.lastOnline,
            agent_version: row.agentVersion,
            security_mode: row.securityMode,
            deny_count_1d: row.denyCount1d,
            deny_count_3d: row.denyCount3d,
            deny_count_7d: row.denyCount7d,
            has_tpm: row.hasTpm,
            tpm_enabled: row.tpmEnabled,
            tpm_version: row.tpmVersion,
            secure_boot_available: row.secureBootAvailable,
            secure_boot_enabled: row.secureBootEnabled,
            windows_11_24h2_capable: row.windows11Capable,
          })),
        ),
      ).toEqual(sortRows(expected));
    }

    // Presence: dates in the 90 days up to the newest date on which a row of the device exists.
    const presence = await sql<{ vendor: string; date: string; hostname: string }>(
      `SELECT v.name AS vendor, s.snapshot_date::text AS date, s.hostname FROM device_snapshot s JOIN vendor v ON v.id = s.vendor_id
       WHERE v.name IN ('Ninja', 'ThreatLocker') AND lower(s.hostname) LIKE $1 || '%'
         AND s.snapshot_date > (SELECT max(snapshot_date) FROM device_snapshot) - $2::int`,
      [key.slice(0, 15), DEVICE_PRESENCE_DAYS],
    );
    for (const vendor of ["Ninja", "ThreatLocker"]) {
      const dates = new Set(
        presence.filter((row) => row.vendor === vendor && belongsTo(row, key)).map((row) => row.date),
      );
      const shown = detail!.presence.find((candidate) => candidate.vendor === vendor)!;
      expect(shown.days).toHaveLength(DEVICE_PRESENCE_DAYS);
      expect(shown.days.filter((day) => day.present).map((day) => day.date)).toEqual([...dates].sort());
    }

    // Variances of the key, with open/cleared status on the latest matching date (nobody triaged the demo data).
    const variances = await sql<{ type: string; first_seen: string; last_seen: string; on_report: boolean }>(
      `SELECT type, min(date_found)::text AS first_seen, max(date_found)::text AS last_seen, bool_or(date_found = $2) AS on_report
       FROM exceptions WHERE lower(split_part(split_part(hostname, '|', 1), '.', 1)) = $1 AND date_found <= $2
       GROUP BY type ORDER BY type`,
      [key, DEMO_END_DATE],
    );
    expect(detail!.reportDate).toBe(DEMO_END_DATE);
    expect(
      detail!.variances
        .map((view) => ({
          type: view.type,
          first_seen: view.firstSeen,
          last_seen: view.lastSeen,
          on_report: view.lifecycle.status === "open",
        }))
        .sort((a, b) => a.type.localeCompare(b.type)),
    ).toEqual(variances);
    expect(
      detail!.variances.every((view) => view.lifecycle.status === (view.rowsOnReport > 0 ? "open" : "cleared")),
    ).toBe(true);
    return detail!;
  }

  it("shows both vendors' rows of a truncated device, its presence and its variances", async () => {
    const pair = await truncatedPair();
    const detail = await expectDetailMatchesSql(pair.key);
    expect(detail.truncated).toBe(true);
    expect(detail.vendors.find((vendor) => vendor.vendor === "Ninja")!.rows[0]).toMatchObject({
      hostname: pair.ninja,
      truncated: true,
    });
    // The truncated 15-character key on its own points to the full ThreatLocker key.
    const netbios = await getDeviceDetail(db, actors.manager, pair.key.slice(0, 15), today);
    expect(netbios?.longerKeys).toContain(pair.key);
    // Its "missing in Ninja" comes from the truncation.
    const [missing] = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM exceptions WHERE type = 'MISSING_NINJA' AND date_found = $1 AND lower(hostname) = $2`,
      [DEMO_END_DATE, pair.key],
    );
    expect(detail.falseMissingNinja).toBe(missing!.n > 0);
  });

  it("shows every figure of devices with variances of each type, and of single-vendor devices", async () => {
    const keys = await sql<{ key: string; type: string }>(
      `SELECT DISTINCT ON (type) type, lower(split_part(split_part(hostname, '|', 1), '.', 1)) AS key
       FROM exceptions WHERE date_found = $1 ORDER BY type, key`,
      [DEMO_END_DATE],
    );
    expect(keys.map((row) => row.type)).toEqual(expect.arrayContaining(["SPARE_MISMATCH", "MISSING_NINJA"]));
    const ninjaOnly = latest.find(
      (row) => row.vendor === "Ninja" && !threatlockerKeys.has(keyOf(row.hostname)) && keyOf(row.hostname).length < 15,
    )!;
    for (const key of [...keys.map((row) => row.key), keyOf(ninjaOnly.hostname)]) {
      const detail = await expectDetailMatchesSql(key);
      expect(detail.vendors.some((vendor) => vendor.rows.length > 0)).toBe(true);
    }
  });

  it("shows the triage status people gave a device's variances", async () => {
    const [spare] = await sql<{ key: string }>(
      `SELECT DISTINCT lower(split_part(split_part(hostname, '|', 1), '.', 1)) AS key FROM exceptions
       WHERE type = 'SPARE_MISMATCH' AND date_found = $1 ORDER BY 1 LIMIT 1`,
      [DEMO_END_DATE],
    );
    const variance = { type: "SPARE_MISMATCH", key: spare!.key };
    await resolveVariance(db, actors.technician, { ...variance, expectedVersion: 0, note: "licence removed" });
    const [triage] = await sql<{ resolved_report_date: string }>(
      `SELECT resolved_report_date::text FROM variance_dashboard.variance_triage WHERE variance_type = $1 AND variance_key = $2`,
      [variance.type, variance.key],
    );
    expect(triage!.resolved_report_date).toBe(DEMO_END_DATE);
    const detail = await getDeviceDetail(db, actors.manager, spare!.key, today);
    expect(detail!.variances.find((view) => view.type === "SPARE_MISMATCH")?.lifecycle).toEqual({
      status: "resolved",
      regressed: false,
    });
  });

  it("has no device page for a key in neither vendor's newest snapshot", async () => {
    expect(await getDeviceDetail(db, actors.manager, "zz-no-such-host", today)).toBeNull();
  });

  it("refuses an actor without a role", async () => {
    await expectRefusedUnchanged(database.pool, () => searchDevices(db, roleless(actors.manager), "a"), "forbidden");
    await expectRefusedUnchanged(
      database.pool,
      () => getDeviceDetail(db, roleless(actors.manager), "a", today),
      "forbidden",
    );
  });
});
