import { describe, expect, it } from "vitest";
import { createAccount } from "@/lib/accounts/create-account";
import { AUDIT_PAGE_SIZE, listAuditEvents, parseAuditFilters } from "@/lib/audit/audit-log";
import { demoDatabaseFixture } from "../helpers/demo-fixture";
import { expectRefusedUnchanged } from "../helpers/variance-fixtures";

describe("audit log page", () => {
  const fixture = demoDatabaseFixture();
  const count = async (where: string, values: unknown[] = []) =>
    Number(
      (await fixture.database.pool.query(`SELECT count(*) FROM variance_dashboard.audit_events WHERE ${where}`, values))
        .rows[0].count,
    );

  it("filters by action, actor, subject and UTC day, newest first, one page at a time", async () => {
    const { admin } = fixture.actors;
    for (let index = 0; index < AUDIT_PAGE_SIZE + 3; index++) {
      await createAccount(fixture.db, admin, {
        email: `bulk${index}@example.com`,
        name: `Bulk ${index}`,
        role: "technician",
        signInMethod: "entra",
      });
    }
    await fixture.database.pool.query(
      "UPDATE variance_dashboard.audit_events SET occurred_at = '2026-01-15T23:30:00Z' WHERE details->'after'->>'email' = 'bulk0@example.com'",
    );

    const creates = await listAuditEvents(
      fixture.db,
      admin,
      parseAuditFilters({ action: "user.create", actor: "ADA@" }),
    );
    expect(creates.total).toBe(await count("action = 'user.create' AND actor_email LIKE '%ada@%'"));
    expect(creates.entries).toHaveLength(AUDIT_PAGE_SIZE);
    expect(creates.pageCount).toBe(Math.ceil(creates.total / AUDIT_PAGE_SIZE));
    const ids = creates.entries.map((entry) => BigInt(entry.id));
    expect(ids).toEqual([...ids].sort((a, b) => (a > b ? -1 : 1)));
    expect(creates.actions).toEqual(
      (
        await fixture.database.pool.query("SELECT DISTINCT action FROM variance_dashboard.audit_events ORDER BY 1")
      ).rows.map((row) => row.action),
    );

    const secondPage = await listAuditEvents(
      fixture.db,
      admin,
      parseAuditFilters({ action: "user.create", actor: "ada@", page: "2" }),
    );
    expect(secondPage.entries.length).toBe(creates.total - AUDIT_PAGE_SIZE);

    const onTheDay = await listAuditEvents(
      fixture.db,
      admin,
      parseAuditFilters({ from: "2026-01-15", to: "2026-01-15" }),
    );
    expect(onTheDay.entries.map((entry) => (entry.details as { after: { email: string } }).after.email)).toEqual([
      "bulk0@example.com",
    ]);

    const [first] = creates.entries;
    const bySubject = await listAuditEvents(fixture.db, admin, parseAuditFilters({ subject: first!.subjectId }));
    expect(bySubject.entries.every((entry) => entry.subjectId === first!.subjectId)).toBe(true);
  });

  it("ignores filter values it cannot read instead of failing the page", () => {
    expect(parseAuditFilters({ from: "2026-02-30", page: "-4", action: ["user.create", "x"] })).toEqual({
      action: "user.create",
      page: 1,
    });
  });

  it("is for admins only", async () => {
    for (const actor of [fixture.actors.technician, fixture.actors.manager]) {
      await expectRefusedUnchanged(
        fixture.database.pool,
        () => listAuditEvents(fixture.db, actor, parseAuditFilters({})),
        "forbidden",
      );
    }
  });
});
