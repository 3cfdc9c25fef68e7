import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAccounts } from "@/lib/accounts/list-accounts";
import { signOutEverywhere } from "@/lib/accounts/sign-out-everywhere";
import { listAuditEvents, parseAuditFilters } from "@/lib/audit/audit-log";
import { authenticateWithPassword } from "@/lib/auth/credentials";
import { sessionStillValid } from "@/lib/auth/session-settings";
import { SIGN_IN_ACCOUNT_FAILURE_LIMIT, SIGN_IN_WINDOW_MINUTES } from "@/lib/auth/sign-in-throttle";
import { addDays, todayUtc } from "@/lib/calendar-date";
import { createPrismaClient, type Database } from "@/lib/db/prisma";
import { getDeviceDetail } from "@/lib/devices/device-detail";
import { latestCollectorRuns } from "@/lib/inventory/collector-runs";
import { canonicalHostnameKey } from "@/lib/inventory/hostname-key";
import { snoozeVariance } from "@/lib/variances/commands/snooze-variance";
import { getVarianceDetail } from "@/lib/variances/variance-detail";
import { varianceSubjectId } from "@/lib/variances/variance-key";
import { createDemoDatabase, DEMO_END_DATE, type TestDatabase } from "../helpers/test-database";
import { createTriageActors, type TriageActors, variancesOn } from "../helpers/variance-fixtures";

// A server whose default zone is as far from UTC as zones go (+13:45 in its summer), whatever
// the suite's own server says; the app-role pass also runs Node in America/Chicago.
const SERVER_ZONE = "Pacific/Chatham";
const REPORT = DEMO_END_DATE;
const TODAY = addDays(REPORT, 1);
const PASSWORD = "correct horse battery staple";

/** A column as independent SQL reads it in UTC, to the millisecond, as an ISO string. */
const utcText = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

describe(`every timestamp the app stores or shows is exact on a server in ${SERVER_ZONE}`, () => {
  let database: TestDatabase;
  let db: Database;
  let actors: TriageActors;

  beforeAll(async () => {
    database = await createDemoDatabase();
    await database.pool.query(`ALTER DATABASE "${database.name}" SET timezone = '${SERVER_ZONE}'`);
    // Created after the setting, so every connection of the app's pool starts under it.
    db = createPrismaClient(database.url);
    actors = await createTriageActors(db);
  });
  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  const one = async (sql: string, values: unknown[] = []) =>
    (await database.pool.query<{ at: string }>(sql, values)).rows[0]!.at;
  /** Written at the moment the call ran: between the clock before and after it (the database's own `now()` included). */
  const expectWrittenDuring = (stored: string, before: number, after: number) => {
    expect(Date.parse(stored)).toBeGreaterThanOrEqual(before - 5);
    expect(Date.parse(stored)).toBeLessThanOrEqual(after + 5);
  };

  it("the server's default is really far from UTC, and the app's connections are in UTC", async () => {
    const { rows } = await database.pool.query<{ setconfig: string[] }>(
      "SELECT setconfig FROM pg_db_role_setting WHERE setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database()) AND setrole = 0",
    );
    expect(rows[0]?.setconfig).toContain(`TimeZone=${SERVER_ZONE}`);
    // The app-role pass also moves the whole server's default (tests/setup/postgres-global-setup.ts).
    const serverWide = process.env.TEST_SERVER_TIMEZONE;
    if (serverWide) {
      const { rows: file } = await database.pool.query(
        "SELECT setting FROM pg_file_settings WHERE name = 'timezone' AND applied",
      );
      expect(file).toEqual([{ setting: serverWide }]);
    }
    expect(await db.$queryRaw`SELECT current_setting('TimeZone') AS zone`).toEqual([{ zone: "UTC" }]);
  });

  it("sign-in time (last_sign_in_at) and its audit time, as Admin → Users and the audit log show them", async () => {
    const before = Date.now();
    expect(await authenticateWithPassword(db, { email: actors.technician.email, password: PASSWORD })).toMatchObject({
      ok: true,
    });
    const after = Date.now();
    const stored = await one(`SELECT ${utcText("last_sign_in_at")} AS at FROM variance_dashboard.users WHERE id = $1`, [
      actors.technician.id,
    ]);
    expectWrittenDuring(stored, before, after);
    const account = (await listAccounts(db, actors.admin)).find((row) => row.id === actors.technician.id)!;
    expect(account.lastSignInAt!.toISOString()).toBe(stored);

    const audited = await one(
      `SELECT ${utcText("occurred_at")} AS at FROM variance_dashboard.audit_events WHERE action = 'auth.sign_in' AND actor_email = $1`,
      [actors.technician.email],
    );
    expectWrittenDuring(audited, before, after);
    const [entry] = (
      await listAuditEvents(
        db,
        actors.admin,
        parseAuditFilters({ action: "auth.sign_in", actor: actors.technician.email }),
      )
    ).entries;
    expect(entry!.occurredAt.toISOString()).toBe(audited);
    // The audit log's day filter is a UTC day.
    const onItsDay = await listAuditEvents(
      db,
      actors.admin,
      parseAuditFilters({ action: "auth.sign_in", from: audited.slice(0, 10), to: audited.slice(0, 10) }),
    );
    expect(onItsDay.entries.map((event) => event.id)).toContain(entry!.id);
  });

  it("the sign-in throttle's window: ten refusals lock the account for 15 minutes from the first, not hours", async () => {
    const email = actors.otherTechnician.email;
    const before = Date.now();
    for (let attempt = 0; attempt < SIGN_IN_ACCOUNT_FAILURE_LIMIT; attempt++)
      await authenticateWithPassword(db, { email, password: "a wrong guess" });
    const refused = await authenticateWithPassword(db, { email, password: PASSWORD });
    const first = await one(
      `SELECT ${utcText("min(occurred_at)")} AS at FROM variance_dashboard.audit_events WHERE action = 'auth.sign_in_refused' AND actor_email = $1`,
      [email],
    );
    expectWrittenDuring(first, before, Date.now());
    expect(refused).toEqual({ ok: false, retryAt: new Date(Date.parse(first) + SIGN_IN_WINDOW_MINUTES * 60_000) });
  });

  it("sessions-revoked time: sessions begun before it end, one begun after it lives", async () => {
    const before = Date.now();
    await signOutEverywhere(db, actors.manager);
    const after = Date.now();
    const stored = await one(
      `SELECT ${utcText("sessions_revoked_at")} AS at FROM variance_dashboard.users WHERE id = $1`,
      [actors.manager.id],
    );
    expectWrittenDuring(stored, before, after);
    // getActor re-reads exactly this column and compares it with the session's sign-in time.
    const { sessions_revoked_at: revokedAt } = await db.users.findUniqueOrThrow({
      where: { id: actors.manager.id },
      select: { sessions_revoked_at: true },
    });
    expect(revokedAt!.toISOString()).toBe(stored);
    expect(sessionStillValid(Date.parse(stored) - 1, revokedAt)).toBe(false);
    expect(sessionStillValid(Date.parse(stored) + 1, revokedAt)).toBe(true);
  });

  it("snooze: the until date is a UTC date and the time it was set is the moment it was set", async () => {
    const [variance] = await variancesOn(database.pool, REPORT, "SPARE_MISMATCH");
    const before = Date.now();
    await snoozeVariance(db, actors.technician, {
      ...variance!,
      expectedVersion: 0,
      days: 7,
      reason: "Client on leave.",
    });
    const after = Date.now();
    const { rows } = await database.pool.query<{ until: string; set_at: string }>(
      `SELECT snoozed_until::text AS until, ${utcText("updated_at")} AS set_at FROM variance_dashboard.variance_triage WHERE variance_type = $1 AND variance_key = $2`,
      [variance!.type, variance!.key],
    );
    expect(rows[0]!.until).toBe(addDays(todayUtc(new Date(before)), 7));
    expectWrittenDuring(rows[0]!.set_at, before, after);

    const detail = (await getVarianceDetail(db, actors.manager, variance!, TODAY))!;
    expect(detail.view.snoozedUntil).toBe(rows[0]!.until);
    const snoozed = await one(
      `SELECT ${utcText("occurred_at")} AS at FROM variance_dashboard.audit_events WHERE action = 'variance.snooze' AND subject_id = $1`,
      [varianceSubjectId(variance!)],
    );
    expectWrittenDuring(snoozed, before, after);
    expect(detail.activity.at(-1)!.at.toISOString()).toBe(snoozed);
  });

  it("collector job runs, as the banner's data reads them", async () => {
    await database.pool.query(
      `INSERT INTO job_runs (job_id, job_name, status, started_at, updated_at, ended_at, duration_seconds)
       VALUES ('tz-probe', 'zz-timezone-probe', 'completed', '${REPORT}T23:58:01.250Z', '${REPORT}T23:59:30.5Z', '${TODAY}T00:03:02.75Z', 301)`,
    );
    const run = (await latestCollectorRuns(db)).find((row) => row.jobName === "zz-timezone-probe")!;
    // updated_at is written by the collectors but not read by the app (nor granted to its role).
    const { rows } = await database.pool.query<{ started: string; ended: string }>(
      `SELECT ${utcText("started_at")} AS started, ${utcText("ended_at")} AS ended FROM job_runs WHERE job_id = 'tz-probe'`,
    );
    expect(rows[0]).toEqual({ started: `${REPORT}T23:58:01.250Z`, ended: `${TODAY}T00:03:02.750Z` });
    expect({ started: run.startedAt.toISOString(), ended: run.endedAt!.toISOString() }).toEqual(rows[0]);
  });

  it("device last online, as the device page reads it", async () => {
    const { rows } = await database.pool.query<{ id: number; hostname: string }>(
      `SELECT s.id, s.hostname FROM device_snapshot s JOIN vendor v ON v.id = s.vendor_id
       WHERE v.name = 'Ninja' AND s.snapshot_date = $1 ORDER BY s.id LIMIT 1`,
      [REPORT],
    );
    await database.pool.query(`UPDATE device_snapshot SET last_online = '${REPORT}T23:59:58.123Z' WHERE id = $1`, [
      rows[0]!.id,
    ]);
    const stored = await one(`SELECT ${utcText("last_online")} AS at FROM device_snapshot WHERE id = $1`, [
      rows[0]!.id,
    ]);
    expect(stored).toBe(`${REPORT}T23:59:58.123Z`);
    const device = (await getDeviceDetail(db, actors.manager, canonicalHostnameKey(rows[0]!.hostname), TODAY))!;
    const ninja = device.vendors.find((vendor) => vendor.vendor === "Ninja")!;
    expect(ninja.rows.map((row) => row.lastOnline?.toISOString())).toContain(stored);
  });

  describe("plain pg connections (scripts, migrations, fixtures) in any Node time zone", () => {
    const zoneBefore = process.env.TZ;
    afterAll(() => {
      if (zoneBefore === undefined) delete process.env.TZ;
      else process.env.TZ = zoneBefore;
    });

    // West and east of UTC, where a local-midnight date falls on the day before or after.
    for (const zone of ["America/Chicago", "Pacific/Chatham", "Asia/Kolkata"]) {
      it(`${zone}: timestamptz, timestamp and date columns round-trip exactly`, async () => {
        process.env.TZ = zone;
        expect(new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset()).not.toBe(0);
        const moment = new Date("2026-11-24T23:30:00.250Z");
        const day = new Date("2026-11-24T00:00:00Z");
        await database.pool.query(
          "CREATE TABLE IF NOT EXISTS tz_probe (zone text PRIMARY KEY, at timestamptz, wall timestamp, day date)",
        );
        await database.pool.query("INSERT INTO tz_probe VALUES ($1, $2, $3, $4)", [zone, moment, moment, day]);
        const { rows } = await database.pool.query<{
          at: Date;
          wall: Date;
          day: Date;
          at_text: string;
          wall_text: string;
          day_text: string;
        }>(
          `SELECT at, wall, day, ${utcText("at")} AS at_text, to_char(wall, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS wall_text, day::text AS day_text
           FROM tz_probe WHERE zone = $1`,
          [zone],
        );
        expect(rows[0]).toMatchObject({
          at_text: moment.toISOString(),
          wall_text: moment.toISOString(),
          day_text: "2026-11-24",
        });
        expect([rows[0]!.at.toISOString(), rows[0]!.wall.toISOString(), rows[0]!.day.toISOString()]).toEqual([
          moment.toISOString(),
          moment.toISOString(),
          day.toISOString(),
        ]);
      });
    }
  });
});
