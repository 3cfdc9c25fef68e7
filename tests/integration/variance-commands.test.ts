import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/access/roles";
import { addDays, todayUtc } from "@/lib/calendar-date";
import type { Database } from "@/lib/db/prisma";
import { addVarianceNote } from "@/lib/variances/commands/add-variance-note";
import { assignVariance, assignVarianceToMe } from "@/lib/variances/commands/assign-variance";
import { reopenVariance } from "@/lib/variances/commands/reopen-variance";
import { resolveVariance } from "@/lib/variances/commands/resolve-variance";
import { snoozeVariance } from "@/lib/variances/commands/snooze-variance";
import type { VarianceId } from "@/lib/variances/variance-key";
import { demoDatabaseFixture } from "../helpers/demo-fixture";
import { DEMO_END_DATE, type TestDatabase } from "../helpers/test-database";
import {
  changesMadeBy,
  expectRefusedUnchanged,
  roleless,
  rowIdsOf,
  type TriageActors,
  variancesOn,
} from "../helpers/variance-fixtures";

const REPORT = DEMO_END_DATE;

describe("single-variance triage commands", () => {
  const fixture = demoDatabaseFixture();
  let database: TestDatabase;
  let db: Database;
  let actors: TriageActors;
  let unused: VarianceId[];
  /** Only ever refused: commands that must change nothing are tried on it. */
  let untouched: VarianceId;
  /** A variance no earlier test touched, so each test starts from version 0. */
  const fresh = () => {
    const variance = unused.shift();
    if (!variance) throw new Error("the demo report ran out of variances");
    return variance;
  };

  beforeAll(async () => {
    ({ database, db, actors } = fixture);
    unused = await variancesOn(database.pool, REPORT);
    untouched = unused.pop()!;
  });

  const sameForEach = (ids: string[], columns: Record<string, unknown>) =>
    Object.fromEntries(ids.map((id) => [id, columns]));
  const auditEvent = (actor: Actor, action: string, variance: VarianceId, details: Record<string, unknown>) =>
    expect.objectContaining({
      actor_user_id: actor.id,
      actor_email: actor.email,
      action,
      subject_type: "variance",
      subject_id: `${variance.type}/${variance.key}`,
      details: expect.objectContaining(details),
    });
  const newTriageRow = (variance: VarianceId, actor: Actor, columns: Record<string, unknown>) => ({
    variance_type: variance.type,
    variance_key: variance.key,
    version: 1,
    assignee_user_id: null,
    resolved_at: null,
    resolved_report_date: null,
    resolved_by_user_id: null,
    resolution_note: null,
    snoozed_until: null,
    snooze_reason: null,
    snoozed_by_user_id: null,
    updated_at: expect.any(String),
    updated_by_user_id: actor.id,
    ...columns,
  });

  describe.each(["technician", "admin"] as const)("as %s", (role) => {
    it("resolves: the triage row, the report date's exception rows, one audit event", async () => {
      const actor = actors[role];
      const variance = fresh();
      const rows = await rowIdsOf(database.pool, variance, REPORT);
      const note = "Removed the ThreatLocker license.";
      let result;
      const changes = await changesMadeBy(database.pool, async () => {
        result = await resolveVariance(db, actor, { ...variance, expectedVersion: 0, note });
      });
      expect(changes).toEqual({
        exceptions: { changed: sameForEach(rows, { resolved: true, resolved_date: REPORT, resolved_by: actor.email }) },
        "variance_dashboard.variance_triage": {
          added: [
            newTriageRow(variance, actor, {
              resolved_at: expect.any(String),
              resolved_report_date: REPORT,
              resolved_by_user_id: actor.id,
              resolution_note: note,
            }),
          ],
        },
        "variance_dashboard.audit_events": {
          added: [
            auditEvent(actor, "variance.resolve", variance, {
              reportDate: REPORT,
              exceptionRows: rows.length,
              before: expect.objectContaining({ version: 0, resolvedReportDate: null }),
              after: expect.objectContaining({
                version: 1,
                resolvedReportDate: REPORT,
                resolutionNote: note,
                resolvedByUserId: actor.id,
              }),
            }),
          ],
        },
      });
      expect(result).toMatchObject({
        ...variance,
        reportDate: REPORT,
        exceptionRows: rows.length,
        triage: { version: 1, resolvedReportDate: REPORT },
      });
    });

    it("reopens: clears the resolution on the rows it was written to", async () => {
      const actor = actors[role];
      const variance = fresh();
      const rows = await rowIdsOf(database.pool, variance, REPORT);
      await resolveVariance(db, actors.otherTechnician, { ...variance, expectedVersion: 0, note: "done" });
      const changes = await changesMadeBy(database.pool, () =>
        reopenVariance(db, actor, { ...variance, expectedVersion: 1 }),
      );
      expect(changes).toEqual({
        exceptions: { changed: sameForEach(rows, { resolved: false, resolved_date: null, resolved_by: null }) },
        "variance_dashboard.variance_triage": {
          changed: {
            [`${variance.type}/${variance.key}`]: {
              version: 2,
              resolved_at: null,
              resolved_report_date: null,
              resolved_by_user_id: null,
              resolution_note: null,
              updated_at: expect.any(String),
              updated_by_user_id: actor.id,
            },
          },
        },
        "variance_dashboard.audit_events": {
          added: [
            auditEvent(actor, "variance.reopen", variance, {
              before: expect.objectContaining({ version: 1 }),
              after: expect.objectContaining({ version: 2 }),
            }),
          ],
        },
      });
    });

    it("assigns to an active user, then unassigns", async () => {
      const actor = actors[role];
      const assignee = actors.otherTechnician;
      const variance = fresh();
      const rows = await rowIdsOf(database.pool, variance, REPORT);
      const assigned = await changesMadeBy(database.pool, () =>
        assignVariance(db, actor, { ...variance, expectedVersion: 0, assigneeUserId: assignee.id }),
      );
      expect(assigned).toEqual({
        exceptions: { changed: sameForEach(rows, { assigned_to: assignee.email }) },
        "variance_dashboard.variance_triage": {
          added: [newTriageRow(variance, actor, { assignee_user_id: assignee.id })],
        },
        "variance_dashboard.audit_events": {
          added: [
            auditEvent(actor, "variance.assign", variance, {
              assignee: { id: assignee.id, email: assignee.email, name: assignee.name },
            }),
          ],
        },
      });
      const unassigned = await changesMadeBy(database.pool, () =>
        assignVariance(db, actor, { ...variance, expectedVersion: 1, assigneeUserId: null }),
      );
      expect(unassigned).toEqual({
        exceptions: { changed: sameForEach(rows, { assigned_to: null }) },
        "variance_dashboard.variance_triage": {
          changed: {
            [`${variance.type}/${variance.key}`]: {
              version: 2,
              assignee_user_id: null,
              updated_at: expect.any(String),
            },
          },
        },
        "variance_dashboard.audit_events": {
          added: [auditEvent(actor, "variance.unassign", variance, { assignee: null })],
        },
      });
    });

    it("assigns to me: the assignee is the actor", async () => {
      const actor = actors[role];
      const variance = fresh();
      const rows = await rowIdsOf(database.pool, variance, REPORT);
      const changes = await changesMadeBy(database.pool, () =>
        assignVarianceToMe(db, actor, { ...variance, expectedVersion: 0 }),
      );
      expect(changes).toEqual({
        exceptions: { changed: sameForEach(rows, { assigned_to: actor.email }) },
        "variance_dashboard.variance_triage": {
          added: [newTriageRow(variance, actor, { assignee_user_id: actor.id })],
        },
        "variance_dashboard.audit_events": { added: [auditEvent(actor, "variance.assign", variance, {})] },
      });
    });

    it("adds a note exactly as written, appended to the rows, without bumping the version", async () => {
      const actor = actors[role];
      const variance = fresh();
      const rows = await rowIdsOf(database.pool, variance, REPORT);
      const text = "  Called the client: <script>alert(1)</script>\nwill follow up  ";
      const changes = await changesMadeBy(database.pool, () => addVarianceNote(db, actor, { ...variance, text }));
      const line = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z /);
      expect(changes).toEqual({
        exceptions: { changed: sameForEach(rows, { notes: [line] }) },
        "variance_dashboard.variance_notes": {
          added: [
            {
              id: expect.any(Number),
              variance_type: variance.type,
              variance_key: variance.key,
              author_user_id: actor.id,
              body: text,
              created_at: expect.any(String),
            },
          ],
        },
        "variance_dashboard.audit_events": {
          added: [auditEvent(actor, "variance.note", variance, { reportDate: REPORT, exceptionRows: rows.length })],
        },
      });
      const [id] = rows;
      const { rows: stored } = await database.pool.query<{ notes: string[] }>(
        "SELECT notes FROM exceptions WHERE id = $1",
        [id],
      );
      expect(stored[0]!.notes[0]!.endsWith(` ${actor.email}: ${text}`)).toBe(true);
    });

    it("snoozes until today + days with a reason; nothing upstream records a snooze", async () => {
      const actor = actors[role];
      const variance = fresh();
      const reason = "Client is replacing this laptop next week.";
      const changes = await changesMadeBy(database.pool, () =>
        snoozeVariance(db, actor, { ...variance, expectedVersion: 0, days: 14, reason }),
      );
      expect(changes).toEqual({
        "variance_dashboard.variance_triage": {
          added: [
            newTriageRow(variance, actor, {
              snoozed_until: addDays(todayUtc(), 14),
              snooze_reason: reason,
              snoozed_by_user_id: actor.id,
            }),
          ],
        },
        "variance_dashboard.audit_events": {
          added: [auditEvent(actor, "variance.snooze", variance, { exceptionRows: 0 })],
        },
      });
    });
  });

  it("re-resolving a snoozed variance ends the snooze", async () => {
    const variance = fresh();
    await snoozeVariance(db, actors.technician, { ...variance, expectedVersion: 0, days: 7, reason: "waiting" });
    const result = await resolveVariance(db, actors.technician, { ...variance, expectedVersion: 1, note: "done" });
    expect(result.triage).toMatchObject({
      version: 2,
      snoozedUntil: null,
      snoozeReason: null,
      snoozedByUserId: null,
      resolvedReportDate: REPORT,
    });
  });

  describe("refuses managers and actors without a role, changing nothing", () => {
    const commands: Record<string, (actor: Actor, variance: VarianceId) => Promise<unknown>> = {
      resolve: (actor, variance) => resolveVariance(db, actor, { ...variance, expectedVersion: 0, note: "x" }),
      reopen: (actor, variance) => reopenVariance(db, actor, { ...variance, expectedVersion: 0 }),
      assign: (actor, variance) =>
        assignVariance(db, actor, { ...variance, expectedVersion: 0, assigneeUserId: actors.technician.id }),
      "assign to me": (actor, variance) => assignVarianceToMe(db, actor, { ...variance, expectedVersion: 0 }),
      note: (actor, variance) => addVarianceNote(db, actor, { ...variance, text: "x" }),
      snooze: (actor, variance) => snoozeVariance(db, actor, { ...variance, expectedVersion: 0, days: 7, reason: "x" }),
    };
    for (const [name, command] of Object.entries(commands)) {
      it(name, async () => {
        await expectRefusedUnchanged(database.pool, () => command(actors.manager, untouched), "forbidden");
        await expectRefusedUnchanged(database.pool, () => command(roleless(actors.technician), untouched), "forbidden");
      });
    }
  });

  describe("refuses invalid input with a message per field, changing nothing", () => {
    type Case = [
      description: string,
      input: (variance: VarianceId) => Record<string, unknown>,
      field: string,
      message: RegExp,
    ];
    /** Each field missing, of the wrong type or too long, and identity named in the input. */
    const varianceCases = (base: (variance: VarianceId) => Record<string, unknown>, fields: string[]): Case[] => {
      const without = (field: string) => (variance: VarianceId) =>
        Object.fromEntries(Object.entries(base(variance)).filter(([name]) => name !== field));
      const withValue = (field: string, value: unknown) => (variance: VarianceId) => ({
        ...base(variance),
        [field]: value,
      });
      return [
        ...fields.map((field): Case => [`missing ${field}`, without(field), field, /required/]),
        ["type of the wrong type", withValue("type", 42), "type", /as text/],
        ["type too long", withValue("type", "X".repeat(65)), "type", /at most 64 characters/],
        ["key too long", withValue("key", "x".repeat(256)), "key", /at most 255 characters/],
        ["resolvedBy named in the input", withValue("resolvedBy", "someone@else.com"), "resolvedBy", /not accepted/],
        ["actorEmail named in the input", withValue("actorEmail", "someone@else.com"), "actorEmail", /not accepted/],
        ...(fields.includes("expectedVersion")
          ? ([
              ["a version that is text", withValue("expectedVersion", "1"), "expectedVersion", /whole number/],
              ["a fractional version", withValue("expectedVersion", 0.5), "expectedVersion", /whole number/],
              ["a negative version", withValue("expectedVersion", -1), "expectedVersion", /start at 0/],
            ] satisfies Case[])
          : []),
      ];
    };
    const textCases = (
      base: (variance: VarianceId) => Record<string, unknown>,
      field: string,
      maxLength: number,
    ): Case[] => [
      [`${field} blank`, (variance) => ({ ...base(variance), [field]: " \n\t " }), field, /^Write/],
      [`${field} not text`, (variance) => ({ ...base(variance), [field]: ["a"] }), field, /as text/],
      [
        `${field} too long`,
        (variance) => ({ ...base(variance), [field]: "x".repeat(maxLength + 1) }),
        field,
        new RegExp(`at most ${maxLength.toLocaleString("en-US")} characters`),
      ],
    ];

    const resolveBase = (variance: VarianceId) => ({ ...variance, expectedVersion: 0, note: "fixed" });
    const assignBase = (variance: VarianceId) => ({
      ...variance,
      expectedVersion: 0,
      assigneeUserId: actors.technician.id,
    });
    const noteBase = (variance: VarianceId) => ({ ...variance, text: "hello" });
    const snoozeBase = (variance: VarianceId) => ({ ...variance, expectedVersion: 0, days: 7, reason: "later" });
    const versionBase = (variance: VarianceId) => ({ ...variance, expectedVersion: 0 });
    interface Suite {
      command: (actor: Actor, input: unknown) => Promise<unknown>;
      base: (variance: VarianceId) => Record<string, unknown>;
      /** The fields of base, each of which is required. */
      fields: string[];
      cases: Case[];
    }
    const suites: Record<string, Suite> = {
      resolve: {
        command: (actor, input) => resolveVariance(db, actor, input),
        base: resolveBase,
        fields: ["type", "key", "expectedVersion", "note"],
        cases: textCases(resolveBase, "note", 5000),
      },
      reopen: {
        command: (actor, input) => reopenVariance(db, actor, input),
        base: versionBase,
        fields: ["type", "key", "expectedVersion"],
        cases: [],
      },
      assign: {
        command: (actor, input) => assignVariance(db, actor, input),
        base: assignBase,
        fields: ["type", "key", "expectedVersion", "assigneeUserId"],
        cases: [
          [
            "an assignee id that is no uuid",
            (variance) => ({ ...assignBase(variance), assigneeUserId: "tess" }),
            "assigneeUserId",
            /user id/,
          ],
          [
            "a disabled assignee",
            (variance) => ({ ...assignBase(variance), assigneeUserId: actors.disabled.id }),
            "assigneeUserId",
            /active user/,
          ],
          [
            "an unknown assignee",
            (variance) => ({ ...assignBase(variance), assigneeUserId: "7f1c1f8e-2a43-4a5e-9d0b-3a1f6f3c9b11" }),
            "assigneeUserId",
            /active user/,
          ],
        ],
      },
      "assign to me": {
        command: (actor, input) => assignVarianceToMe(db, actor, input),
        base: versionBase,
        fields: ["type", "key", "expectedVersion"],
        cases: [
          [
            "an assignee named in the input",
            (variance) => ({ ...versionBase(variance), assigneeUserId: actors.admin.id }),
            "assigneeUserId",
            /not accepted/,
          ],
        ],
      },
      note: {
        command: (actor, input) => addVarianceNote(db, actor, input),
        base: noteBase,
        fields: ["type", "key", "text"],
        cases: textCases(noteBase, "text", 5000),
      },
      snooze: {
        command: (actor, input) => snoozeVariance(db, actor, input),
        base: snoozeBase,
        fields: ["type", "key", "expectedVersion", "days", "reason"],
        cases: [
          ...textCases(snoozeBase, "reason", 500),
          [
            "snoozed for 10 days",
            (variance) => ({ ...snoozeBase(variance), days: 10 }),
            "days",
            /7, 14, 30 or 90 days/,
          ],
          ["snoozed forever", (variance) => ({ ...snoozeBase(variance), days: null }), "days", /7, 14, 30 or 90 days/],
        ],
      },
    };

    for (const [name, { command, base, fields, cases }] of Object.entries(suites)) {
      describe(name, () => {
        it.each([...varianceCases(base, fields), ...cases])("%s", async (_description, input, field, message) => {
          const error = await expectRefusedUnchanged(
            database.pool,
            () => command(actors.technician, input(untouched)),
            "invalid",
          );
          expect(error.fieldErrors?.[field]?.join(" ")).toMatch(message);
          expect(error.message).toContain(`${field}:`);
        });

        it("refuses input that is not an object", async () => {
          await expectRefusedUnchanged(
            database.pool,
            () => command(actors.technician, null),
            "invalid",
            /as an object/,
          );
        });

        it("refuses an unknown variance as not found", async () => {
          const input = base({ type: "SPARE_MISMATCH", key: "no-such-host" });
          await expectRefusedUnchanged(
            database.pool,
            () => command(actors.technician, input),
            "not_found",
            /no SPARE_MISMATCH variance for "no-such-host"/,
          );
        });
      });
    }
  });

  describe("optimistic concurrency", () => {
    it("refuses a stale version, naming who changed it and when", async () => {
      const variance = fresh();
      await assignVarianceToMe(db, actors.technician, { ...variance, expectedVersion: 0 });
      const stale = [
        () => resolveVariance(db, actors.admin, { ...variance, expectedVersion: 0, note: "fixed" }),
        () => reopenVariance(db, actors.admin, { ...variance, expectedVersion: 0 }),
        () => assignVariance(db, actors.admin, { ...variance, expectedVersion: 0, assigneeUserId: actors.admin.id }),
        () => assignVarianceToMe(db, actors.admin, { ...variance, expectedVersion: 0 }),
        () => snoozeVariance(db, actors.admin, { ...variance, expectedVersion: 0, days: 7, reason: "later" }),
        () => resolveVariance(db, actors.admin, { ...variance, expectedVersion: 2, note: "from the future" }),
      ];
      for (const command of stale) {
        await expectRefusedUnchanged(
          database.pool,
          command,
          "stale",
          /^Changed by Tess Tech at \d{4}-\d\d-\d\d \d\d:\d\d UTC — reload/,
        );
      }
    });

    it("a note names no version and never goes stale, nor makes others stale", async () => {
      const variance = fresh();
      await resolveVariance(db, actors.technician, { ...variance, expectedVersion: 0, note: "fixed" });
      await addVarianceNote(db, actors.admin, { ...variance, text: "agreed" });
      const reopened = await reopenVariance(db, actors.technician, { ...variance, expectedVersion: 1 });
      expect(reopened.triage.version).toBe(2);
    });
  });

  describe("refuses a command the variance's state does not allow, changing nothing", () => {
    it("resolving a resolved variance, reopening an open one, snoozing a resolved one", async () => {
      const resolved = fresh();
      await resolveVariance(db, actors.technician, { ...resolved, expectedVersion: 0, note: "fixed" });
      await expectRefusedUnchanged(
        database.pool,
        () => resolveVariance(db, actors.admin, { ...resolved, expectedVersion: 1, note: "again" }),
        "conflict",
        /already resolved/,
      );
      await expectRefusedUnchanged(
        database.pool,
        () => snoozeVariance(db, actors.admin, { ...resolved, expectedVersion: 1, days: 7, reason: "x" }),
        "conflict",
        /resolved/,
      );
      const open = fresh();
      await expectRefusedUnchanged(
        database.pool,
        () => reopenVariance(db, actors.admin, { ...open, expectedVersion: 0 }),
        "conflict",
        /not resolved/,
      );
    });

    it("assigning to the current assignee", async () => {
      const variance = fresh();
      await assignVarianceToMe(db, actors.technician, { ...variance, expectedVersion: 0 });
      await expectRefusedUnchanged(
        database.pool,
        () =>
          assignVariance(db, actors.admin, { ...variance, expectedVersion: 1, assigneeUserId: actors.technician.id }),
        "conflict",
        /already assigned to Tess Tech/,
      );
    });
  });
});
