import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/access/roles";
import { migrateDashboardSchema } from "@/lib/db/migrate";
import type { Database } from "@/lib/db/prisma";
import { defaultViewRedirect } from "@/lib/views/default-view";
import { deleteView } from "@/lib/views/delete-view";
import { listViews } from "@/lib/views/list-views";
import { saveView } from "@/lib/views/save-view";
import { clearDefaultView, setDefaultView } from "@/lib/views/set-default-view";
import { demoDatabaseFixture } from "../helpers/demo-fixture";
import { createUpstreamDatabase, type TestDatabase } from "../helpers/test-database";
import { roleless, type TriageActors } from "../helpers/variance-fixtures";

const SPARES = "?type=SPARE_MISMATCH&assignee=me";
const UNASSIGNED = "?assignee=unassigned&sort=hostname";

describe("saved views", () => {
  const fixture = demoDatabaseFixture();
  let database: TestDatabase;
  let db: Database;
  let actors: TriageActors;

  beforeAll(async () => {
    ({ database, db, actors } = fixture);
  });

  /** Everything a view command may write, as one string: equal means nothing changed. */
  const checksum = async () =>
    (
      await database.pool.query<{ checksum: string }>(`
        SELECT concat_ws('/',
          (SELECT md5(coalesce(string_agg(to_jsonb(v)::text, ',' ORDER BY id), '')) FROM variance_dashboard.saved_views v),
          (SELECT md5(coalesce(string_agg(to_jsonb(a)::text, ',' ORDER BY id), '')) FROM variance_dashboard.audit_events a)) AS checksum`)
    ).rows[0]!.checksum;

  const rowsOf = (actor: Actor) =>
    db.saved_views.findMany({
      where: { owner_user_id: actor.id },
      orderBy: { name: "asc" },
      select: { name: true, query: true, is_default: true },
    });

  /** Runs `work` and returns its result with the audit events it recorded. */
  async function withAuditEvents<Result>(work: () => Promise<Result>) {
    const { _max } = await db.audit_events.aggregate({ _max: { id: true } });
    const result = await work();
    const events = await db.audit_events.findMany({
      where: { id: { gt: _max.id ?? 0n } },
      orderBy: { id: "asc" },
      select: {
        actor_user_id: true,
        actor_email: true,
        action: true,
        subject_type: true,
        subject_id: true,
        details: true,
      },
    });
    return { result, events };
  }

  const auditEvent = (actor: Actor, action: string, viewId: string, details: Record<string, unknown>) => ({
    actor_user_id: actor.id,
    actor_email: actor.email,
    action,
    subject_type: "saved_view",
    subject_id: viewId,
    details,
  });

  /** Expects `work` to be refused with `code` and to change no view and record no event. */
  async function expectRefused(work: () => Promise<unknown>, code: string) {
    const before = await checksum();
    const error = await work().then(
      () => expect.fail(`expected a refusal with code ${code}, but the command succeeded`),
      (thrown: unknown) => thrown as Error & { code?: string; fieldErrors?: Record<string, string[]> },
    );
    expect(error.code, error.message).toBe(code);
    expect(await checksum()).toBe(before);
    return error;
  }

  describe.each(["technician", "manager", "admin"] as const)("as %s, on their own views", (role) => {
    const actor = () => actors[role];

    it("saves the current filters under a name: one row, one audit event", async () => {
      const { result, events } = await withAuditEvents(() =>
        saveView(db, actor(), { name: "  My spares ", query: SPARES }),
      );
      expect(result).toEqual({
        created: true,
        view: {
          id: expect.any(String),
          name: "My spares",
          query: SPARES,
          href: `/variances${SPARES}`,
          isDefault: false,
        },
      });
      expect(await rowsOf(actor())).toEqual([{ name: "My spares", query: SPARES, is_default: false }]);
      expect(events).toEqual([
        auditEvent(actor(), "saved_view.save", result.view.id, {
          name: "My spares",
          query: SPARES,
          previousQuery: null,
        }),
      ]);
    });

    it("saving under a name in use replaces that view's query (an upsert), keeping its id", async () => {
      const [existing] = await listViews(db, actor());
      const { result, events } = await withAuditEvents(() =>
        saveView(db, actor(), { name: "My spares", query: "?type=SPARE_MISMATCH" }),
      );
      expect(result).toEqual({
        created: false,
        view: expect.objectContaining({ id: existing!.id, query: "?type=SPARE_MISMATCH" }),
      });
      expect(await rowsOf(actor())).toEqual([{ name: "My spares", query: "?type=SPARE_MISMATCH", is_default: false }]);
      expect(events).toEqual([
        auditEvent(actor(), "saved_view.save", existing!.id, {
          name: "My spares",
          query: "?type=SPARE_MISMATCH",
          previousQuery: SPARES,
        }),
      ]);
    });

    it("sets a default, and a second default replaces the first", async () => {
      const spares = (await listViews(db, actor()))[0]!;
      const unassigned = (await saveView(db, actor(), { name: "Unassigned", query: UNASSIGNED })).view;

      const first = await withAuditEvents(() => setDefaultView(db, actor(), { id: spares.id }));
      expect(first.result).toEqual({ ...spares, isDefault: true });
      expect(first.events).toEqual([
        auditEvent(actor(), "saved_view.set_default", spares.id, { name: "My spares", previousDefault: null }),
      ]);
      expect(await defaultViewRedirect(db, actor(), {})).toBe("/variances?type=SPARE_MISMATCH");

      const second = await withAuditEvents(() => setDefaultView(db, actor(), { id: unassigned.id }));
      expect(second.result).toEqual({ ...unassigned, isDefault: true });
      expect(second.events).toEqual([
        auditEvent(actor(), "saved_view.set_default", unassigned.id, {
          name: "Unassigned",
          previousDefault: { id: spares.id, name: "My spares" },
        }),
      ]);
      expect(await rowsOf(actor())).toEqual([
        { name: "My spares", query: "?type=SPARE_MISMATCH", is_default: false },
        { name: "Unassigned", query: UNASSIGNED, is_default: true },
      ]);
      expect(await defaultViewRedirect(db, actor(), {})).toBe(`/variances${UNASSIGNED}`);
      await expectRefused(() => setDefaultView(db, actor(), { id: unassigned.id }), "conflict");
    });

    it("clears the default, after which the queue opens unfiltered", async () => {
      const unassigned = (await listViews(db, actor())).find((view) => view.isDefault)!;
      const { result, events } = await withAuditEvents(() => clearDefaultView(db, actor(), { id: unassigned.id }));
      expect(result).toEqual({ ...unassigned, isDefault: false });
      expect(events).toEqual([auditEvent(actor(), "saved_view.clear_default", unassigned.id, { name: "Unassigned" })]);
      expect(await defaultViewRedirect(db, actor(), {})).toBeNull();
      await expectRefused(() => clearDefaultView(db, actor(), { id: unassigned.id }), "conflict");
    });

    it("deletes a view: the row goes, one audit event", async () => {
      const spares = (await listViews(db, actor()))[0]!;
      await setDefaultView(db, actor(), { id: spares.id });
      const { result, events } = await withAuditEvents(() => deleteView(db, actor(), { id: spares.id }));
      expect(result).toEqual({ ...spares, isDefault: true });
      expect(events).toEqual([
        auditEvent(actor(), "saved_view.delete", spares.id, {
          name: "My spares",
          query: "?type=SPARE_MISMATCH",
          wasDefault: true,
        }),
      ]);
      expect(await rowsOf(actor())).toEqual([{ name: "Unassigned", query: UNASSIGNED, is_default: false }]);
      expect(await defaultViewRedirect(db, actor(), {})).toBeNull();
    });
  });

  describe("another person's views", () => {
    let theirs: string;
    beforeAll(async () => {
      theirs = (await saveView(db, actors.technician, { name: "Tess only", query: SPARES })).view.id;
      await setDefaultView(db, actors.technician, { id: theirs });
    });

    it.each([
      ["delete", deleteView],
      ["set as default", setDefaultView],
      ["clear as default", clearDefaultView],
    ])("cannot %s it: refused as not found, nothing changes", async (_, command) => {
      for (const actor of [actors.otherTechnician, actors.admin, actors.manager]) {
        const error = await expectRefused(() => command(db, actor, { id: theirs }), "not_found");
        expect(error.message).not.toMatch(/Tess/);
      }
      expect(
        await db.saved_views.findUniqueOrThrow({ where: { id: theirs }, select: { name: true, is_default: true } }),
      ).toEqual({
        name: "Tess only",
        is_default: true,
      });
    });

    it("never lists them, nor opens the queue on their default", async () => {
      expect((await listViews(db, actors.otherTechnician)).map((view) => view.id)).not.toContain(theirs);
      expect(await defaultViewRedirect(db, actors.otherTechnician, {})).toBeNull();
    });

    it("saving the same name makes the saver's own view; theirs is untouched", async () => {
      const mine = await saveView(db, actors.otherTechnician, { name: "Tess only", query: "?org=Acme" });
      expect(mine).toEqual({ created: true, view: expect.objectContaining({ query: "?org=Acme", isDefault: false }) });
      expect(mine.view.id).not.toBe(theirs);
      expect(await db.saved_views.findUniqueOrThrow({ where: { id: theirs }, select: { query: true } })).toEqual({
        query: SPARES,
      });
    });

    it("an unknown id is refused the same way", async () => {
      await expectRefused(
        () => deleteView(db, actors.technician, { id: "00000000-0000-4000-8000-000000000000" }),
        "not_found",
      );
    });
  });

  describe("input", () => {
    const fieldErrorsOf = async (work: () => Promise<unknown>) => (await expectRefused(work, "invalid")).fieldErrors;

    it("refuses a missing, blank, non-text or too long name", async () => {
      const tech = actors.technician;
      expect(await fieldErrorsOf(() => saveView(db, tech, { query: SPARES }))).toEqual({
        name: ["This field is required."],
      });
      expect(await fieldErrorsOf(() => saveView(db, tech, { name: "   ", query: SPARES }))).toEqual({
        name: ["Give the view a name."],
      });
      expect(await fieldErrorsOf(() => saveView(db, tech, { name: 42, query: SPARES }))).toEqual({
        name: ["Give the view's name as text."],
      });
      expect(await fieldErrorsOf(() => saveView(db, tech, { name: "x".repeat(81), query: SPARES }))).toEqual({
        name: ["Keep the view's name to at most 80 characters."],
      });
      expect((await saveView(db, tech, { name: "x".repeat(80), query: SPARES })).view.name).toHaveLength(80);
    });

    it("refuses a missing or non-text query, and fields it does not take", async () => {
      const tech = actors.technician;
      expect(await fieldErrorsOf(() => saveView(db, tech, { name: "No query" }))).toEqual({
        query: ["This field is required."],
      });
      expect(await fieldErrorsOf(() => saveView(db, tech, { name: "Bad", query: { type: "X" } }))).toEqual({
        query: ["Give the queue's query string as text."],
      });
      expect(
        await fieldErrorsOf(() => saveView(db, tech, { name: "Bad", query: `?q=${"x".repeat(2000)}` })),
      ).toHaveProperty("query");
      expect(
        await fieldErrorsOf(() =>
          saveView(db, tech, { name: "Theirs", query: SPARES, owner_user_id: actors.admin.id }),
        ),
      ).toEqual({
        owner_user_id: ["This field is not accepted."],
      });
      expect(await fieldErrorsOf(() => setDefaultView(db, tech, { id: "not-a-uuid" }))).toEqual({
        id: ["Give the id of one of your saved views."],
      });
      expect(await fieldErrorsOf(() => deleteView(db, tech, {}))).toEqual({ id: ["This field is required."] });
      expect(await fieldErrorsOf(() => clearDefaultView(db, tech, "id"))).toEqual({
        input: ["Send the command's fields as an object."],
      });
    });

    it.each([
      [
        "junk parameters, the page and the date",
        "?type=SPARE_MISMATCH&junk=1&page=3&date=2026-11-20&assignee=me",
        SPARES,
      ],
      [
        "malformed values (they fall back to defaults)",
        "?status=bogus&assignee=nobody&minDays=-4&sort=hostname",
        "?sort=hostname",
      ],
      ["the first of repeated parameters", "?type=SPARE_MISMATCH&type=OTHER", "?type=SPARE_MISMATCH"],
      ["defaults, to nothing at all", "?status=open&assignee=anyone&sort=days_open&page=1", ""],
      ["a query without its leading ?", "assignee=me&type=SPARE_MISMATCH", SPARES],
    ])("normalises %s", async (_, query, normalised) => {
      const { view } = await saveView(db, actors.admin, { name: `Normalised ${query}`.slice(0, 80), query });
      expect(view.query).toBe(normalised);
    });

    it("refuses every command for an actor without a role (a forged session)", async () => {
      const forged = roleless(actors.technician);
      const [view] = await listViews(db, actors.technician);
      await expectRefused(() => saveView(db, forged, { name: "Forged", query: SPARES }), "forbidden");
      for (const command of [deleteView, setDefaultView, clearDefaultView])
        await expectRefused(() => command(db, forged, { id: view!.id }), "forbidden");
      await expect(listViews(db, forged)).rejects.toMatchObject({ code: "forbidden" });
    });
  });

  describe("the default view redirect", () => {
    it("only applies when the queue is opened with no query at all", async () => {
      const admin = actors.admin;
      const { view } = await saveView(db, admin, { name: "Admin default", query: UNASSIGNED });
      await setDefaultView(db, admin, { id: view.id });
      expect(await defaultViewRedirect(db, admin, {})).toBe(`/variances${UNASSIGNED}`);
      expect(await defaultViewRedirect(db, admin, { status: "open" })).toBeNull();
      expect(await defaultViewRedirect(db, admin, { anything: "" })).toBeNull();
    });

    it("does not redirect to a default of the unfiltered queue (it would loop)", async () => {
      const { view } = await saveView(db, actors.admin, { name: "Everything", query: "" });
      await setDefaultView(db, actors.admin, { id: view.id });
      expect(await defaultViewRedirect(db, actors.admin, {})).toBeNull();
    });
  });

  describe("concurrency", () => {
    it("two defaults set at once: both succeed one after the other, one default remains", async () => {
      const actor = actors.otherTechnician;
      const a = (await saveView(db, actor, { name: "Race A", query: SPARES })).view;
      const b = (await saveView(db, actor, { name: "Race B", query: UNASSIGNED })).view;
      const results = await Promise.all([
        setDefaultView(db, actor, { id: a.id }),
        setDefaultView(db, actor, { id: b.id }),
      ]);
      expect(results.map((view) => view.isDefault)).toEqual([true, true]);
      expect(await db.saved_views.count({ where: { owner_user_id: actor.id, is_default: true } })).toBe(1);
    });

    it("the same new name saved twice at once: one view, two saves", async () => {
      const actor = actors.otherTechnician;
      const results = await Promise.all([
        saveView(db, actor, { name: "Twice", query: SPARES }),
        saveView(db, actor, { name: "Twice", query: UNASSIGNED }),
      ]);
      expect(results.map((result) => result.created).sort()).toEqual([false, true]);
      expect(await db.saved_views.count({ where: { owner_user_id: actor.id, name: "Twice" } })).toBe(1);
    });
  });

  describe("the migration", () => {
    it("keeps at most one default per person in the database itself, whatever the code does", async () => {
      const { rows } = await database.pool.query<{ predicate: string }>(`
        SELECT pg_get_expr(x.indpred, x.indrelid) AS predicate FROM pg_index x
        JOIN pg_class i ON i.oid = x.indexrelid WHERE i.relname = 'saved_views_one_default_per_owner' AND x.indisunique`);
      expect(rows).toEqual([{ predicate: "is_default" }]);
      const owner = actors.disabled.id;
      const insert = (name: string, isDefault: boolean) =>
        database.pool.query(
          "INSERT INTO variance_dashboard.saved_views (owner_user_id, name, query, is_default) VALUES ($1, $2, '', $3)",
          [owner, name, isDefault],
        );
      await insert("One", true);
      await insert("Two", false);
      await insert("Three", false);
      await expect(insert("Four", true)).rejects.toThrow(/saved_views_one_default_per_owner/);
    });

    it("runs twice without changing anything, on a fresh database and on one with views", async () => {
      const before = await checksum();
      expect(await migrateDashboardSchema(database.ownerUrl)).toEqual([]);
      expect(await checksum()).toBe(before);

      const fresh = await createUpstreamDatabase();
      try {
        expect(await migrateDashboardSchema(fresh.ownerUrl)).toContain("0003_saved_views");
        expect(await migrateDashboardSchema(fresh.ownerUrl)).toEqual([]);
      } finally {
        await fresh.drop();
      }
    });
  });
});
