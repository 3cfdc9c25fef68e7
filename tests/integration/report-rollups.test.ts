import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "@/lib/calendar-date";
import { createPrismaClient, type Database } from "@/lib/db/prisma";
import { reportDatesWithBothVendors } from "@/lib/report-date/report-dates";
import { datedVarianceGroups } from "@/lib/reports/variance-groups";
import { refreshRollups } from "@/lib/rollups/refresh-rollups";
import { refreshVarianceHistory } from "@/lib/rollups/variance-rollup";
import { assignVariance } from "@/lib/variances/commands/assign-variance";
import { resolveVariance } from "@/lib/variances/commands/resolve-variance";
import { snoozeVariance } from "@/lib/variances/commands/snooze-variance";
import { loadVarianceRows, RECENTLY_SEEN_DAYS, type VarianceRow } from "@/lib/variances/variance-rows";
import { collectorSimulation } from "../helpers/collector-simulation";
import { createDemoDatabase, DEMO_END_DATE, type TestDatabase } from "../helpers/test-database";
import { createTriageActors, type TriageActors, variancesOn } from "../helpers/variance-fixtures";

/**
 * The rollups against SQL written here, straight on the upstream rows: on the demo data, then
 * after each kind of collector activity (reference §3: whole dates deleted and re-inserted).
 */
const REPORT = DEMO_END_DATE;
const KEY = "lower(split_part(split_part(e.hostname, '|', 1), '.', 1))";

type Row = Record<string, string | number | null>;
const sorted = (list: Row[]) => list.map((row) => JSON.stringify(row)).sort();

describe("report rollups", () => {
  let database: TestDatabase;
  let db: Database;
  let actors: TriageActors;
  let first: string;
  const rows = async <T = Row>(text: string, values: unknown[] = []) =>
    (await database.pool.query(text, values)).rows as T[];

  /** Devices per date × vendor × organisation name (a blank name is "Unknown"), from device_snapshot. */
  const devicesBySql = () =>
    rows(`SELECT s.snapshot_date::text AS date, s.vendor_id, coalesce(nullif(trim(s.organization_name), ''), 'Unknown') AS organization, count(*)::int AS devices
          FROM device_snapshot s GROUP BY 1, 2, 3`);
  const devicesRolledUp = () =>
    rows(
      `SELECT snapshot_date::text AS date, vendor_id, organization_name AS organization, devices FROM variance_dashboard.device_count_rollup`,
    );

  /** Distinct variances per date × type, from exceptions. */
  const variancesBySql = () =>
    rows(
      `SELECT e.date_found::text AS date, e.type, count(DISTINCT ${KEY})::int AS variances FROM exceptions e GROUP BY 1, 2`,
    );
  const variancesRolledUp = () =>
    rows(
      `SELECT date_found::text AS date, variance_type AS type, variances FROM variance_dashboard.variance_count_rollup`,
    );
  /** Each variance present per date, with its rows' count and smallest id (the row it shows). */
  const presenceBySql = () =>
    rows(
      `SELECT e.date_found::text AS date, e.type, ${KEY} AS key, count(*)::int AS row_count, min(e.id)::text AS first_row_id FROM exceptions e GROUP BY 1, 2, 3`,
    );
  const presenceRolledUp = () =>
    rows(
      `SELECT date_found::text AS date, variance_type AS type, variance_key AS key, row_count, first_row_id::text FROM variance_dashboard.variance_presence_rollup`,
    );

  /** Per date, type and triage state: the variances present, joined to triage straight from exceptions. */
  const groupsBySql = (from: string, to: string) =>
    rows(
      `WITH present AS (SELECT DISTINCT e.date_found, e.type, ${KEY} AS key FROM exceptions e WHERE e.date_found BETWEEN $1 AND $2)
       SELECT p.date_found::text AS date, p.type, t.resolved_report_date::text AS "resolvedReportDate", t.snoozed_until::text AS "snoozedUntil",
              count(*)::int AS variances
       FROM present p LEFT JOIN variance_dashboard.variance_triage t ON t.variance_type = p.type AND t.variance_key = p.key
       GROUP BY 1, 2, 3, 4`,
      [from, to],
    );

  const stateOf = async (date: string) => ({
    devices: await rows(
      `SELECT vendor_id, computed_at::text FROM variance_dashboard.device_rollup_state WHERE snapshot_date = $1 ORDER BY 1`,
      [date],
    ),
    variances: await rows(
      `SELECT computed_at::text FROM variance_dashboard.variance_rollup_state WHERE date_found = $1`,
      [date],
    ),
  });

  async function expectRollupsEqualSql() {
    expect(sorted(await devicesRolledUp())).toEqual(sorted(await devicesBySql()));
    expect(sorted(await variancesRolledUp())).toEqual(sorted(await variancesBySql()));
    expect(sorted(await presenceRolledUp())).toEqual(sorted(await presenceBySql()));
  }

  const refreshAll = () => refreshRollups(db, first, addDays(REPORT, 1));

  beforeAll(async () => {
    database = await createDemoDatabase();
    db = createPrismaClient(database.url);
    actors = await createTriageActors(db);
    [{ first } = { first: REPORT }] = await rows<{ first: string }>(
      `SELECT least((SELECT min(snapshot_date) FROM device_snapshot), (SELECT min(date_found) FROM exceptions))::text AS first`,
    );
  });
  afterAll(async () => {
    await db.$disconnect();
    await database.drop();
  });

  it("start empty and, once refreshed, equal SQL on every date of the demo data", async () => {
    expect(await devicesRolledUp()).toEqual([]);
    const counts = await refreshAll();
    await expectRollupsEqualSql();
    expect((await devicesRolledUp()).length).toBeGreaterThan(100);
    // The refresh's own counts are the devices per vendor per date.
    const direct = await rows(
      `SELECT snapshot_date::text AS date, vendor_id AS "vendorId", count(*)::int AS devices FROM device_snapshot GROUP BY 1, 2`,
    );
    expect(sorted(counts as unknown as Row[])).toEqual(sorted(direct));
  });

  it("give the triage groups the direct query gives, with resolutions, snoozes and assignments", async () => {
    const current = await variancesOn(database.pool, REPORT);
    const week = await variancesOn(database.pool, addDays(REPORT, -7));
    const { technician } = actors;
    await resolveVariance(db, technician, { ...current[0]!, expectedVersion: 0, note: "Fixed" });
    await resolveVariance(db, technician, { ...current[5]!, expectedVersion: 0, note: "Fixed" });
    await snoozeVariance(db, technician, { ...current[8]!, expectedVersion: 0, days: 7, reason: "Waiting" });
    await assignVariance(db, technician, { ...current[11]!, expectedVersion: 0, assigneeUserId: technician.id });
    await resolveVariance(db, technician, { ...week.at(-1)!, expectedVersion: 0, note: "Fixed" });
    for (const [from, to] of [
      [addDays(REPORT, -89), REPORT],
      [REPORT, REPORT],
      [addDays(REPORT, -7), addDays(REPORT, -7)],
    ] as const) {
      const groups = await datedVarianceGroups(db, from, to);
      expect(sorted(groups as unknown as Row[])).toEqual(sorted(await groupsBySql(from, to)));
    }
    expect((await datedVarianceGroups(db, REPORT, REPORT)).some((group) => group.resolvedReportDate === REPORT)).toBe(
      true,
    );
  });

  it("pick up a collector re-run and leave unchanged past dates alone", async () => {
    const simulation = collectorSimulation(database.pool);
    const past = addDays(REPORT, -30);
    const pastState = await stateOf(past);
    const yesterdayState = await stateOf(addDays(REPORT, -1));
    expect(pastState.devices.length).toBeGreaterThan(0);
    expect(pastState.variances).toHaveLength(1);

    // Ninja's latest date is being re-collected: deleted now, back (as new rows) later.
    const putBack = await simulation.deleteVendorDate("Ninja", REPORT);
    await refreshAll();
    await expectRollupsEqualSql();
    expect(
      await rows(
        `SELECT 1 FROM variance_dashboard.device_count_rollup r JOIN vendor v ON v.id = r.vendor_id WHERE v.name = 'Ninja' AND snapshot_date = $1`,
        [REPORT],
      ),
    ).toEqual([]);
    await putBack();
    await refreshAll();
    await expectRollupsEqualSql();

    // The re-run found fewer ThreatLocker devices (the count changes, max(created_at) may not).
    await database.pool.query(
      `DELETE FROM device_snapshot WHERE id IN (
         SELECT s.id FROM device_snapshot s JOIN vendor v ON v.id = s.vendor_id WHERE v.name = 'ThreatLocker' AND s.snapshot_date = $1 ORDER BY s.id DESC LIMIT 7)`,
      [REPORT],
    );
    // The same number of devices, one moved to another organisation, re-inserted as a new row.
    await database.pool.query(
      `WITH gone AS (
         DELETE FROM device_snapshot WHERE id = (SELECT min(s.id) FROM device_snapshot s JOIN vendor v ON v.id = s.vendor_id WHERE v.name = 'Ninja' AND s.snapshot_date = $1)
         RETURNING *)
       INSERT INTO device_snapshot (snapshot_date, vendor_id, device_identity_id, hostname, organization_name, created_at)
       SELECT snapshot_date, vendor_id, device_identity_id, hostname, 'Moved Elsewhere Ltd', created_at FROM gone`,
      [REPORT],
    );
    // The checks re-ran yesterday (same findings, new rows) and today (some findings gone).
    await simulation.rerunChecks(addDays(REPORT, -1));
    await database.pool.query(
      `DELETE FROM exceptions WHERE id IN (SELECT id FROM exceptions WHERE date_found = $1 ORDER BY id LIMIT 25)`,
      [REPORT],
    );
    // And the next day's report arrived.
    await simulation.collectNextReport(REPORT, addDays(REPORT, 1));

    await refreshAll();
    await expectRollupsEqualSql();
    expect(
      await rows(
        `SELECT snapshot_date::text AS date, devices FROM variance_dashboard.device_count_rollup WHERE organization_name = 'Moved Elsewhere Ltd' ORDER BY 1`,
      ),
    ).toEqual([
      { date: REPORT, devices: 1 },
      { date: addDays(REPORT, 1), devices: 1 },
    ]);
    expect(
      await rows(`SELECT 1 FROM variance_dashboard.variance_rollup_state WHERE date_found = $1`, [addDays(REPORT, 1)]),
    ).toHaveLength(1);
    // A date nothing changed under was not recomputed.
    expect(await stateOf(past)).toEqual(pastState);
    // Yesterday's re-created exceptions were, though their figures are the same.
    const yesterday = await stateOf(addDays(REPORT, -1));
    expect(yesterday.devices).toEqual(yesterdayState.devices);
    expect(yesterday.variances).toHaveLength(1);
    expect(yesterday.variances).not.toEqual(yesterdayState.variances);
  });

  it("end up exact when two requests refresh at once", async () => {
    await database.pool.query(
      `TRUNCATE variance_dashboard.device_count_rollup, variance_dashboard.device_rollup_state, variance_dashboard.variance_count_rollup,
                variance_dashboard.variance_presence_rollup, variance_dashboard.variance_rollup_state`,
    );
    await Promise.all([refreshAll(), refreshAll(), refreshRollups(db, addDays(REPORT, -10), REPORT)]);
    await expectRollupsEqualSql();
  });

  it("forget a date whose rows are gone", async () => {
    const next = addDays(REPORT, 1);
    await database.pool.query(`DELETE FROM device_snapshot WHERE snapshot_date = $1`, [next]);
    await database.pool.query(`DELETE FROM exceptions WHERE date_found = $1`, [next]);
    await refreshAll();
    await expectRollupsEqualSql();
    expect((await stateOf(next)).devices).toEqual([]);
    expect(
      await rows(`SELECT row_count, max_id::int FROM variance_dashboard.variance_rollup_state WHERE date_found = $1`, [
        next,
      ]),
    ).toEqual([{ row_count: 0, max_id: 0 }]);
  });

  it("see rows that arrive on a settled date, past the dates fingerprinted on every refresh", async () => {
    const settled = addDays(REPORT, -40);
    const before = await stateOf(settled);
    const untouched = await stateOf(addDays(REPORT, -41));
    // A re-run of an old date: both vendors' rows and the checks' rows, deleted and put back as new rows, a few fewer.
    const simulation = collectorSimulation(database.pool);
    await (await simulation.deleteVendorDate("ThreatLocker", settled))();
    await database.pool.query(
      `DELETE FROM device_snapshot WHERE id IN (
         SELECT s.id FROM device_snapshot s JOIN vendor v ON v.id = s.vendor_id WHERE v.name = 'Ninja' AND s.snapshot_date = $1 ORDER BY s.id LIMIT 3)`,
      [settled],
    );
    await (await simulation.deleteVendorDate("Ninja", settled))();
    await simulation.rerunChecks(settled);
    await database.pool.query(
      `DELETE FROM exceptions WHERE id IN (SELECT id FROM exceptions WHERE date_found = $1 ORDER BY id LIMIT 2)`,
      [settled],
    );

    const counts = await refreshAll();
    await expectRollupsEqualSql();
    const direct = await rows(
      `SELECT snapshot_date::text AS date, vendor_id AS "vendorId", count(*)::int AS devices FROM device_snapshot GROUP BY 1, 2`,
    );
    expect(sorted(counts as unknown as Row[])).toEqual(sorted(direct));
    expect((await stateOf(settled)).variances).not.toEqual(before.variances);
    expect(await stateOf(addDays(REPORT, -41))).toEqual(untouched);
  });

  it("list the report dates both vendors collected, as SQL does, also while a vendor's newest date is re-run", async () => {
    const bothBySql = async () =>
      (
        await rows<{ date: string }>(
          `SELECT s.snapshot_date::text AS date FROM device_snapshot s JOIN vendor v ON v.id = s.vendor_id
           WHERE v.name IN ('Ninja', 'ThreatLocker') GROUP BY 1 HAVING count(DISTINCT v.name) = 2 ORDER BY 1 DESC`,
        )
      ).map((row) => row.date);
    expect(await reportDatesWithBothVendors(db)).toEqual(await bothBySql());
    const reinsert = await collectorSimulation(database.pool).deleteVendorDate("Ninja", REPORT);
    expect(await reportDatesWithBothVendors(db)).not.toContain(REPORT);
    expect(await reportDatesWithBothVendors(db)).toEqual(await bothBySql());
    await reinsert();
    expect(await reportDatesWithBothVendors(db)).toContain(REPORT);
    expect(await reportDatesWithBothVendors(db)).toEqual(await bothBySql());
  });

  it("give each variance the history its exceptions give, listed as the queue lists them, also after the checks re-run", async () => {
    const historyBySql = (
      reportDate: string,
      keyFilter = "true",
      listedFilter = `v.last_seen >= $1::date - ${RECENTLY_SEEN_DAYS} OR t.variance_type IS NOT NULL`,
    ) =>
      rows(
        `WITH seen AS (SELECT e.id, e.type, ${KEY} AS key, e.hostname, e.date_found FROM exceptions e WHERE e.date_found <= $1),
         v AS (SELECT type, key, min(date_found) AS first_seen, max(date_found) AS last_seen, count(*) FILTER (WHERE date_found = $1)::int AS rows_on_report
               FROM seen WHERE ${keyFilter} GROUP BY 1, 2),
         listed AS (SELECT v.* FROM v LEFT JOIN variance_dashboard.variance_triage t ON t.variance_type = v.type AND t.variance_key = v.key WHERE ${listedFilter}),
         newest AS (SELECT DISTINCT ON (s.type, s.key) s.type, s.key, s.hostname FROM seen s
                    JOIN listed l ON l.type = s.type AND l.key = s.key AND l.last_seen = s.date_found ORDER BY s.type, s.key, s.id)
         SELECT l.type, l.key, n.hostname, l.first_seen::text AS "firstSeen", l.last_seen::text AS "lastSeen", l.rows_on_report AS "rowsOnReport"
         FROM listed l JOIN newest n USING (type, key)`,
        [reportDate],
      );
    const history = (list: VarianceRow[]) =>
      list.map(({ type, key, hostname, firstSeen, lastSeen, rowsOnReport }) => ({
        type,
        key,
        hostname,
        firstSeen,
        lastSeen,
        rowsOnReport,
      }));
    const expectHistoryEqualSql = async (reportDate: string) => {
      await refreshVarianceHistory(db, reportDate);
      const listed = await loadVarianceRows(db, reportDate);
      expect(listed.length).toBeGreaterThan(10);
      expect(sorted(history(listed))).toEqual(sorted(await historyBySql(reportDate)));
      const device = listed.find((row) => row.firstSeen < row.lastSeen)!;
      const [byName] = await loadVarianceRows(db, reportDate, device);
      expect(byName).toEqual(device);
      expect(sorted(history(await loadVarianceRows(db, reportDate, { keys: [device.key] })))).toEqual(
        sorted(await historyBySql(reportDate, `key = '${device.key}'`, "true")),
      );
    };

    for (const reportDate of [REPORT, addDays(REPORT, -40)]) await expectHistoryEqualSql(reportDate);
    // The checks re-create the report's rows (new ids) and this time find fewer variances.
    await collectorSimulation(database.pool).rerunChecks(REPORT);
    await database.pool.query(
      `DELETE FROM exceptions WHERE id IN (SELECT id FROM exceptions WHERE date_found = $1 ORDER BY id DESC LIMIT 30)`,
      [REPORT],
    );
    await expectHistoryEqualSql(REPORT);
  });

  it("trust a newest date fingerprinted moments ago for VD_ROLLUP_RECHECK_MS, but see rows inserted on it at once", async () => {
    const threatlockerOnReport = () =>
      rows(
        `SELECT r.row_count AS devices FROM variance_dashboard.device_rollup_state r JOIN vendor v ON v.id = r.vendor_id WHERE v.name = 'ThreatLocker' AND r.snapshot_date = $1`,
        [REPORT],
      );
    process.env.VD_ROLLUP_RECHECK_MS = "60000";
    try {
      await refreshAll();
      await expectRollupsEqualSql();
      const [before] = await threatlockerOnReport();
      // A re-run starts: rows deleted, none inserted yet. Within the interval the rollup is trusted.
      await database.pool.query(
        `DELETE FROM device_snapshot WHERE id IN (
           SELECT s.id FROM device_snapshot s JOIN vendor v ON v.id = s.vendor_id WHERE v.name = 'ThreatLocker' AND s.snapshot_date = $1 ORDER BY s.id DESC LIMIT 4)`,
        [REPORT],
      );
      await refreshAll();
      expect(await threatlockerOnReport()).toEqual([before]);
      // The re-run inserts a row: its new id puts the date back under a fingerprint at once.
      await (await collectorSimulation(database.pool).deleteVendorDate("ThreatLocker", REPORT))();
      await refreshAll();
      await expectRollupsEqualSql();
      expect(await threatlockerOnReport()).toEqual([{ devices: Number(before!.devices) - 4 }]);
    } finally {
      process.env.VD_ROLLUP_RECHECK_MS = "0";
    }
  });
});
