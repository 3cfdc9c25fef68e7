import { execFile } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays } from "@/lib/calendar-date";
import type { Database } from "@/lib/db/prisma";
import { addVarianceNote } from "@/lib/variances/commands/add-variance-note";
import { assignVariance } from "@/lib/variances/commands/assign-variance";
import { resolveVariance } from "@/lib/variances/commands/resolve-variance";
import {
  RECONCILE_INTERVAL_MS,
  RECONCILE_LOCK_KEY,
  reconcileIfStale,
  reconcileWriteThrough,
} from "@/lib/variances/reconcile";
import type { VarianceId } from "@/lib/variances/variance-key";
import { collectorSimulation } from "../helpers/collector-simulation";
import { demoDatabaseFixture } from "../helpers/demo-fixture";
import { DEMO_END_DATE, type TestDatabase } from "../helpers/test-database";
import { rowIdsOf, type TriageActors, variancesOn } from "../helpers/variance-fixtures";

const REPORT = DEMO_END_DATE;
const NEXT_REPORT = addDays(REPORT, 1);
const noChange = { resolutions: 0, assignments: 0, notes: 0 };

describe("reconciling the write-through after the checks re-run", () => {
  const fixture = demoDatabaseFixture();
  let database: TestDatabase;
  let db: Database;
  let actors: TriageActors;
  let resolved: VarianceId;
  let assigned: VarianceId;
  let noted: VarianceId;
  let rerunChecks: (date: string) => Promise<unknown>;
  let collectNextReport: (from: string, to: string) => Promise<void>;
  const query = async <T = Record<string, unknown>>(text: string, values: unknown[] = []) =>
    (await database.pool.query(text, values)).rows as T[];

  beforeAll(async () => {
    ({ database, db, actors } = fixture);
    ({ rerunChecks, collectNextReport } = collectorSimulation(database.pool));
    [resolved, assigned, noted] = (await variancesOn(database.pool, REPORT, "SPARE_MISMATCH")) as [
      VarianceId,
      VarianceId,
      VarianceId,
    ];
  });

  /** The write-through columns of the triaged variances' rows of a date, by content (ids change on every run). */
  const writeThroughOn = (date: string) =>
    query(
      `SELECT e.type, lower(split_part(split_part(e.hostname, '|', 1), '.', 1)) AS key, e.resolved, e.resolved_date::text, e.resolved_by, e.assigned_to, e.notes
       FROM exceptions e WHERE e.date_found = $1 AND e.type = 'SPARE_MISMATCH'
         AND lower(split_part(split_part(e.hostname, '|', 1), '.', 1)) = ANY($2::text[])
       ORDER BY 1, 2, e.hostname, e.details::text`,
      [date, [resolved.key, assigned.key, noted.key]],
    );
  const dashboardTables = () =>
    query(`SELECT (SELECT json_agg(t ORDER BY variance_type, variance_key) FROM variance_dashboard.variance_triage t) AS triage,
                  (SELECT json_agg(n ORDER BY id) FROM variance_dashboard.variance_notes n) AS notes`);
  const rowCount = async (variance: VarianceId, date: string) => (await rowIdsOf(database.pool, variance, date)).length;

  it("after commands it has nothing to do: commands and reconcile write the same", async () => {
    await resolveVariance(db, actors.technician, { ...resolved, expectedVersion: 0, note: "Removed ThreatLocker." });
    await assignVariance(db, actors.technician, {
      ...assigned,
      expectedVersion: 0,
      assigneeUserId: actors.otherTechnician.id,
    });
    await addVarianceNote(db, actors.technician, { ...noted, text: "Asked the client <script>alert(1)</script>" });
    await addVarianceNote(db, actors.admin, { ...noted, text: "Client confirmed it is a spare." });
    expect(await reconcileWriteThrough(db)).toEqual(noChange);
  });

  it("puts back everything the checks wiped when they re-ran the report date, and re-running adds nothing", async () => {
    const written = await writeThroughOn(REPORT);
    const dashboard = await dashboardTables();
    await rerunChecks(REPORT);
    const wiped = await writeThroughOn(REPORT);
    expect(
      wiped.every((row) => !row.resolved && row.resolved_by === null && row.assigned_to === null && row.notes === null),
    ).toBe(true);

    expect(await reconcileWriteThrough(db)).toEqual({
      resolutions: await rowCount(resolved, REPORT),
      assignments: await rowCount(assigned, REPORT),
      notes: await rowCount(noted, REPORT),
    });
    expect(await writeThroughOn(REPORT)).toEqual(written);
    expect(await dashboardTables()).toEqual(dashboard);
    expect(await reconcileWriteThrough(db)).toEqual(noChange);
    expect(await writeThroughOn(REPORT)).toEqual(written);
    const events = await query(
      "SELECT actor_user_id, actor_email, subject_id FROM variance_dashboard.audit_events WHERE action = 'variance.reconcile'",
    );
    expect(events).toEqual(
      Array(3).fill({ actor_user_id: null, actor_email: "system (reconcile)", subject_id: "write-through" }),
    );
  });

  it("carries the assignee and notes onto a new report, but not the resolution: a regression stays visible", async () => {
    await collectNextReport(REPORT, NEXT_REPORT);
    expect(await reconcileWriteThrough(db)).toEqual({
      resolutions: 0,
      assignments: await rowCount(assigned, NEXT_REPORT),
      notes: await rowCount(noted, NEXT_REPORT),
    });
    const byKey = (rows: Record<string, unknown>[], variance: VarianceId) =>
      rows.filter((row) => row.key === variance.key);
    const next = await writeThroughOn(NEXT_REPORT);
    expect(byKey(next, assigned).every((row) => row.assigned_to === actors.otherTechnician.email)).toBe(true);
    expect(byKey(next, noted).every((row) => (row.notes as string[]).length === 2)).toBe(true);
    expect(byKey(next, resolved).every((row) => row.resolved === false && row.resolved_by === null)).toBe(true);
    expect(
      byKey(await writeThroughOn(REPORT), resolved).every(
        (row) => row.resolved === true && row.resolved_date === REPORT,
      ),
    ).toBe(true);

    // Regressed: it may be resolved again, on the new report.
    const again = await resolveVariance(db, actors.admin, {
      ...resolved,
      expectedVersion: 1,
      note: "Removed it again.",
    });
    expect(again).toMatchObject({
      reportDate: NEXT_REPORT,
      exceptionRows: await rowCount(resolved, NEXT_REPORT),
      triage: { version: 2, resolvedReportDate: NEXT_REPORT },
    });
  });

  it("keeps notes someone else wrote on the row", async () => {
    await rerunChecks(NEXT_REPORT);
    await query(
      `UPDATE exceptions e SET notes = ARRAY['2026-11-25T08:00:00Z ops@example.com: via the old API'] WHERE e.date_found = $1 AND e.type = $2 AND lower(split_part(split_part(e.hostname, '|', 1), '.', 1)) = $3`,
      [NEXT_REPORT, noted.type, noted.key],
    );
    await reconcileWriteThrough(db);
    for (const row of (await writeThroughOn(NEXT_REPORT)).filter((row) => row.key === noted.key)) {
      expect(row.notes).toEqual([
        "2026-11-25T08:00:00Z ops@example.com: via the old API",
        expect.stringMatching(
          new RegExp(`Z ${actors.technician.email}: Asked the client <script>alert\\(1\\)</script>$`),
        ),
        expect.stringMatching(new RegExp(`Z ${actors.admin.email}: Client confirmed it is a spare\\.$`)),
      ]);
    }
    expect(await reconcileWriteThrough(db)).toEqual(noChange);
  });

  it("when pages ask: runs only after the exceptions changed, at most every 5 minutes, never twice at once", async () => {
    const soon = (ms: number) => new Date(Date.now() + ms);
    expect(await reconcileIfStale(db, soon(RECONCILE_INTERVAL_MS * 2))).toEqual({ ran: false, reason: "unchanged" });

    await rerunChecks(NEXT_REPORT);
    expect(await reconcileIfStale(db)).toEqual({ ran: false, reason: "recently_ran" });

    const blocker = await database.pool.connect();
    try {
      await blocker.query("BEGIN");
      await blocker.query("SELECT pg_advisory_xact_lock($1)", [RECONCILE_LOCK_KEY]);
      expect(await reconcileIfStale(db, soon(RECONCILE_INTERVAL_MS + 60_000))).toEqual({
        ran: false,
        reason: "running",
      });
    } finally {
      await blocker.query("ROLLBACK");
      blocker.release();
    }

    expect(await reconcileIfStale(db, soon(RECONCILE_INTERVAL_MS + 60_000))).toEqual({
      ran: true,
      counts: {
        resolutions: await rowCount(resolved, NEXT_REPORT),
        assignments: await rowCount(assigned, NEXT_REPORT),
        notes: await rowCount(noted, NEXT_REPORT),
      },
    });
    expect(await reconcileIfStale(db, soon(RECONCILE_INTERVAL_MS * 3))).toEqual({ ran: false, reason: "unchanged" });
  });

  it("npm run reconcile prints what it re-applied", async () => {
    await rerunChecks(NEXT_REPORT);
    const output = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ["--import", "tsx", "scripts/reconcile.ts", "--since", NEXT_REPORT],
        { env: { ...process.env, DATABASE_URL: database.url }, timeout: 60_000 },
        (error, stdout, stderr) =>
          resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });
    expect(output).toEqual({
      code: 0,
      stdout: `Reconciled exception rows: ${await rowCount(resolved, NEXT_REPORT)} resolution(s), ${await rowCount(assigned, NEXT_REPORT)} assignment(s), ${await rowCount(noted, NEXT_REPORT)} note list(s).\n`,
      stderr: "",
    });
  });
});
