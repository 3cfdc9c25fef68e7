import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Database } from "@/lib/db/prisma";
import { mergeOrganizations } from "@/lib/organizations/merge-organizations";
import { splitOrganization } from "@/lib/organizations/split-organization";
import { createDemoDatabase, type TestDatabase } from "../helpers/test-database";
import {
  changesMadeBy,
  createTriageActors,
  expectRefusedUnchanged,
  roleless,
  type TriageActors,
} from "../helpers/variance-fixtures";

/** Three client names of the demo, in normalised form, found with SQL (legal suffixes stripped). */
async function clientKeys(database: TestDatabase): Promise<[string, string, string]> {
  const { rows } = await database.pool.query<{ key: string }>(`
    SELECT DISTINCT regexp_replace(lower(replace(replace(s.organization_name, ',', ''), '.', '')), '( (llc|inc|corp|corporation|co|company|pllc))+$', '') AS key
    FROM device_snapshot s
    WHERE s.snapshot_date = (SELECT max(snapshot_date) FROM device_snapshot) AND s.organization_name NOT ILIKE '%enterprise solutions%'
    ORDER BY 1 LIMIT 3`);
  return rows.map((row) => row.key) as [string, string, string];
}

describe("merging and splitting organisation names", () => {
  let database: TestDatabase;
  let db: Database;
  let actors: TriageActors;
  let acme: string, beta: string, gamma: string;
  const aliases = () =>
    db.organization_aliases.findMany({
      orderBy: { alias_key: "asc" },
      select: { alias_key: true, organization_key: true, merged_by_user_id: true },
    });

  beforeAll(async () => {
    database = await createDemoDatabase();
    db = createPrismaClient(database.url);
    actors = await createTriageActors(db);
    [acme, beta, gamma] = await clientKeys(database);
  });
  afterAll(async () => {
    await db.$disconnect();
    await database.drop();
  });
  afterEach(() => database.pool.query("DELETE FROM variance_dashboard.organization_aliases"));

  it("lets an admin merge one organisation into another, audited in the same change", async () => {
    const changes = await changesMadeBy(database.pool, () =>
      mergeOrganizations(db, actors.admin, { from: beta, into: acme }),
    );
    expect(changes["variance_dashboard.organization_aliases"]?.added).toEqual([
      expect.objectContaining({ alias_key: beta, organization_key: acme, merged_by_user_id: actors.admin.id }),
    ]);
    expect(changes["variance_dashboard.audit_events"]?.added).toEqual([
      expect.objectContaining({
        actor_user_id: actors.admin.id,
        actor_email: actors.admin.email,
        action: "organization.merge",
        subject_type: "organization",
        subject_id: acme,
        details: { from: beta, into: acme, movedAliases: [] },
      }),
    ]);
    expect(Object.keys(changes).sort()).toEqual([
      "variance_dashboard.audit_events",
      "variance_dashboard.organization_aliases",
    ]);
  });

  it("reads any spelling of a name as its normalised form", async () => {
    const result = await mergeOrganizations(db, actors.admin, {
      from: `  ${beta.toUpperCase()}, L.L.C. `,
      into: `${acme} Inc.`,
    });
    expect(result).toEqual({ organizationKey: acme, mergedKeys: [beta] });
  });

  it("keeps the mapping one hop deep when a merged organisation is merged again", async () => {
    await mergeOrganizations(db, actors.admin, { from: beta, into: acme });
    const result = await mergeOrganizations(db, actors.admin, { from: acme, into: gamma });
    expect(result).toEqual({ organizationKey: gamma, mergedKeys: [acme, beta].sort() });
    expect((await aliases()).map((row) => [row.alias_key, row.organization_key])).toEqual(
      [
        [acme, gamma],
        [beta, gamma],
      ].sort((a, b) => a[0]!.localeCompare(b[0]!)),
    );
  });

  it("lets an admin split a merged name off again, audited", async () => {
    await mergeOrganizations(db, actors.admin, { from: beta, into: acme });
    const changes = await changesMadeBy(database.pool, () => splitOrganization(db, actors.admin, { alias: beta }));
    expect(changes["variance_dashboard.organization_aliases"]).toEqual({ removed: [beta] });
    expect(changes["variance_dashboard.audit_events"]?.added).toEqual([
      expect.objectContaining({
        action: "organization.split",
        subject_id: acme,
        details: { alias: beta, from: acme },
        actor_user_id: actors.admin.id,
      }),
    ]);
    expect(await aliases()).toEqual([]);
  });

  it.each(["manager", "technician"] as const)("refuses a %s, changing nothing", async (role) => {
    await expectRefusedUnchanged(
      database.pool,
      () => mergeOrganizations(db, actors[role], { from: beta, into: acme }),
      "forbidden",
    );
    await mergeOrganizations(db, actors.admin, { from: beta, into: acme });
    await expectRefusedUnchanged(
      database.pool,
      () => splitOrganization(db, actors[role], { alias: beta }),
      "forbidden",
    );
  });

  it("refuses an actor without a role", async () => {
    await expectRefusedUnchanged(
      database.pool,
      () => mergeOrganizations(db, roleless(actors.admin), { from: beta, into: acme }),
      "forbidden",
    );
  });

  it.each([
    ["no input", undefined, /input/],
    ["a missing field", { from: "x" }, /into/],
    ["a name that is not text", { from: 42, into: "x" }, /from/],
    ["a blank name", { from: " ,. ", into: "x" }, /from/],
    ["an over-long name", { from: "a".repeat(256), into: "x" }, /from/],
    ["an unexpected field", { from: "a", into: "b", actor: "someone" }, /actor/],
  ])("refuses %s, changing nothing", async (_label, input, message) => {
    await expectRefusedUnchanged(database.pool, () => mergeOrganizations(db, actors.admin, input), "invalid", message);
  });

  it("refuses a name on no report, and two names of one organisation", async () => {
    await expectRefusedUnchanged(
      database.pool,
      () => mergeOrganizations(db, actors.admin, { from: "No Such Client", into: acme }),
      "not_found",
    );
    await expectRefusedUnchanged(
      database.pool,
      () => mergeOrganizations(db, actors.admin, { from: acme, into: `${acme}, LLC` }),
      "conflict",
    );
    await mergeOrganizations(db, actors.admin, { from: beta, into: acme });
    await expectRefusedUnchanged(
      database.pool,
      () => mergeOrganizations(db, actors.admin, { from: acme, into: beta }),
      "conflict",
    );
  });

  it("refuses to split a name that is not merged", async () => {
    await expectRefusedUnchanged(
      database.pool,
      () => splitOrganization(db, actors.admin, { alias: acme }),
      "not_found",
    );
    await expectRefusedUnchanged(database.pool, () => splitOrganization(db, actors.admin, {}), "invalid");
  });

  it("runs opposite merges made at the same moment one after the other: one wins, the other is refused", async () => {
    const merges = async () =>
      (
        await database.pool.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM variance_dashboard.audit_events WHERE action = 'organization.merge'",
        )
      ).rows[0]!.n;
    const mergesBefore = await merges();
    const results = await Promise.allSettled([
      mergeOrganizations(db, actors.admin, { from: beta, into: acme }),
      mergeOrganizations(db, actors.admin, { from: acme, into: beta }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((result) => result.status === "rejected");
    expect((refused as PromiseRejectedResult).reason).toMatchObject({ code: "conflict" });
    expect(await aliases()).toHaveLength(1);
    expect(await merges()).toBe(mergesBefore + 1);
  });
});
