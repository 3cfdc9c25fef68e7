import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Database } from "@/lib/db/prisma";
import { INTERNAL_ORGANIZATIONS_ENV } from "@/lib/organizations/internal-organizations";
import { mergeOrganizations } from "@/lib/organizations/merge-organizations";
import { getOrganizationDetail, ORGANIZATION_TREND_DAYS } from "@/lib/organizations/organization-detail";
import type { OrganizationFigures } from "@/lib/organizations/organization-figures";
import { parseOrganizationFilters } from "@/lib/organizations/organization-filters";
import { getOrganizationSummary } from "@/lib/organizations/organization-summary";
import { createDemoDatabase, DEMO_END_DATE, type TestDatabase } from "../helpers/test-database";
import { createTriageActors, type TriageActors } from "../helpers/variance-fixtures";

/*
 * Every figure of /organizations and /organizations/[key] against SQL written independently
 * of lib/: its own name normalisation (regular expressions), spare rule, variance identity,
 * organisation and "open" rule.
 */

const TODAY = DEMO_END_DATE;

/** The normalised organisation name, in SQL: case, "&", punctuation, trailing legal suffixes. */
const normalisedSql = (column: string) => `
  regexp_replace(
    btrim(regexp_replace(regexp_replace(regexp_replace(lower(${column}), '&', ' and ', 'g'), '[.''’\`]', '', 'g'), '[^a-z0-9]+', ' ', 'g')),
    '( (llc|inc|incorporated|corp|corporation|co|company|ltd|limited|pllc|llp|lp|pc|pa|plc|gmbh))+$', '')`;

const hostKeySql = (column: string) => `lower(split_part(split_part(${column}, '|', 1), '.', 1))`;
const orgNameSql = (column: string) => `coalesce(nullif(btrim(${column}), ''), 'Unknown')`;

interface ExpectedOrganization {
  key: string;
  ninja: number;
  threatlocker: number;
  spare: number;
  open: Record<string, number>;
  oldestDays: number | null;
}

async function expectedBySql(
  database: TestDatabase,
): Promise<{ date: string; organizations: Map<string, ExpectedOrganization> }> {
  const query = async <T>(text: string, values: unknown[] = []) =>
    (await database.pool.query(text, values)).rows as T[];
  const [latest] = await query<{ date: string }>(`
    SELECT s.snapshot_date::text AS date FROM device_snapshot s JOIN vendor v ON v.id = s.vendor_id
    WHERE v.name IN ('Ninja', 'ThreatLocker') GROUP BY s.snapshot_date
    HAVING count(DISTINCT v.name) = 2 ORDER BY s.snapshot_date DESC LIMIT 1`);
  const date = latest!.date;
  const devices = await query<{ key: string; ninja: number; threatlocker: number; spare: number }>(
    `WITH rows AS (
       SELECT v.name AS vendor, ${normalisedSql(orgNameSql("s.organization_name"))} AS org, ${hostKeySql("s.hostname")} AS host,
              b.code AS billing, s.location_name
       FROM device_snapshot s JOIN vendor v ON v.id = s.vendor_id LEFT JOIN billing_status b ON b.id = s.billing_status_id
       WHERE s.snapshot_date = $1 AND v.name IN ('Ninja', 'ThreatLocker'))
     SELECT org AS key,
            count(*) FILTER (WHERE vendor = 'Ninja')::int AS ninja,
            count(*) FILTER (WHERE vendor = 'ThreatLocker')::int AS threatlocker,
            count(*) FILTER (WHERE vendor = 'Ninja' AND billing = 'spare' AND coalesce(location_name, '') NOT ILIKE 'es spare'
              AND EXISTS (SELECT 1 FROM rows t WHERE t.vendor = 'ThreatLocker'
                          AND (t.host = rows.host OR (length(rows.host) = 15 AND t.host LIKE rows.host || '%'))))::int AS spare
     FROM rows GROUP BY org`,
    [date],
  );
  const open = await query<{ key: string; type: string; count: number; oldest: number }>(
    `WITH variance_rows AS (
       SELECT e.id, e.type, ${hostKeySql("e.hostname")} AS vkey, e.details, e.date_found FROM exceptions e WHERE e.date_found <= $1),
     on_report AS (
       SELECT DISTINCT ON (type, vkey) type, vkey, details FROM variance_rows WHERE date_found = $1 ORDER BY type, vkey, id),
     first_seen AS (SELECT type, vkey, min(date_found) AS first FROM variance_rows GROUP BY type, vkey),
     open AS (
       SELECT r.type, r.vkey, ${normalisedSql(`coalesce(nullif(btrim(r.details->>'tl_org_name'), ''), nullif(btrim(r.details->>'ninja_org_name'), ''),
                 nullif(btrim(r.details->>'tl_org'), ''), nullif(btrim(r.details->>'ninja_org'), ''), 'Unknown')`)} AS org,
              $1::date - f.first AS days
       FROM on_report r JOIN first_seen f USING (type, vkey)
       LEFT JOIN variance_dashboard.variance_triage t ON t.variance_type = r.type AND t.variance_key = r.vkey
       WHERE NOT coalesce(t.resolved_report_date = $1, false) AND NOT coalesce(t.snoozed_until > $2::date, false))
     SELECT org AS key, type, count(*)::int AS count, max(days)::int AS oldest FROM open GROUP BY org, type`,
    [date, TODAY],
  );
  const organizations = new Map<string, ExpectedOrganization>();
  const entry = (key: string) => {
    if (!organizations.has(key))
      organizations.set(key, { key, ninja: 0, threatlocker: 0, spare: 0, open: {}, oldestDays: null });
    return organizations.get(key)!;
  };
  for (const row of devices)
    Object.assign(entry(row.key), { ninja: row.ninja, threatlocker: row.threatlocker, spare: row.spare });
  for (const row of open) {
    const organization = entry(row.key);
    organization.open[row.type] = row.count;
    organization.oldestDays = Math.max(organization.oldestDays ?? 0, row.oldest);
  }
  return { date, organizations };
}

const figuresOf = (row: OrganizationFigures): ExpectedOrganization => ({
  key: row.key,
  ninja: row.ninja,
  threatlocker: row.threatlocker,
  spare: row.spareLicensed,
  open: Object.fromEntries(row.openByType.map((entry) => [entry.type, entry.count])),
  oldestDays: row.oldestOpen?.daysOpen ?? null,
});

describe("organisation figures on the demo database", () => {
  let database: TestDatabase;
  let db: Database;
  let actors: TriageActors;
  const summary = (query: Record<string, string> = {}) =>
    getOrganizationSummary(db, actors.manager, parseOrganizationFilters(query), TODAY);

  beforeAll(async () => {
    database = await createDemoDatabase();
    db = createPrismaClient(database.url);
    actors = await createTriageActors(db);
  });
  afterAll(async () => {
    await db.$disconnect();
    await database.drop();
  });
  afterEach(async () => {
    delete process.env[INTERNAL_ORGANIZATIONS_ENV];
    await database.pool.query("DELETE FROM variance_dashboard.organization_aliases");
    await database.pool.query("DELETE FROM variance_dashboard.variance_triage");
  });

  it("equal independent SQL for every organisation on the latest matching date", async () => {
    const expected = await expectedBySql(database);
    const result = await summary();
    expect(result.reportDate).toBe(expected.date);
    expect(result.total).toBe(expected.organizations.size);
    const byKey = new Map(result.rows.map((row) => [row.key, figuresOf(row)]));
    expect([...byKey.keys()].sort()).toEqual([...expected.organizations.keys()].sort());
    for (const [key, organization] of expected.organizations) expect(byKey.get(key), key).toEqual(organization);
    for (const row of result.rows) expect(row.difference).toBe(row.ninja - row.threatlocker);
    // The demo has what the page exists for; without it these comparisons would prove little.
    expect(result.rows.some((row) => row.spareLicensed > 0)).toBe(true);
    expect(result.rows.some((row) => row.openByType.length > 1)).toBe(true);
    expect(result.rows.some((row) => new Set(row.spellings.map((spelling) => spelling.name)).size > 1)).toBe(true);
  });

  it("count as open only what the queue calls open: resolved and snoozed variances drop out, regressed ones stay", async () => {
    const before = await summary();
    const target = [...before.rows].sort((a, b) => b.openTotal - a.openTotal)[0]!;
    const detail = await getOrganizationDetail(db, actors.manager, target.key, TODAY);
    if (detail.kind !== "found") throw new Error("expected the organisation's page");
    const [resolved, snoozed, regressed] = detail.detail.openVariances;
    const resolve = `INSERT INTO variance_dashboard.variance_triage
      (variance_type, variance_key, resolved_at, resolved_report_date, resolved_by_user_id, resolution_note) VALUES ($1, $2, now(), $3, $4, 'fixed')`;
    await database.pool.query(resolve, [resolved!.type, resolved!.key, DEMO_END_DATE, actors.technician.id]);
    await database.pool.query(resolve, [regressed!.type, regressed!.key, "2026-11-01", actors.technician.id]);
    await database.pool.query(
      `INSERT INTO variance_dashboard.variance_triage (variance_type, variance_key, snoozed_until, snooze_reason) VALUES ($1, $2, '2026-12-31', 'waiting')`,
      [snoozed!.type, snoozed!.key],
    );

    const expected = await expectedBySql(database);
    const after = await summary();
    expect(figuresOf(after.rows.find((row) => row.key === target.key)!)).toEqual(
      expected.organizations.get(target.key),
    );
    expect(after.rows.find((row) => row.key === target.key)!.openTotal).toBe(target.openTotal - 2);
  });

  it("pages the sorted list: every organisation once, the last page short, a page past the end shows the last", async () => {
    const all = (await summary({ sort: "open" })).rows;
    const pageOf = (page: number) =>
      getOrganizationSummary(
        db,
        actors.manager,
        parseOrganizationFilters({ sort: "open", page: String(page) }),
        TODAY,
        15,
      );
    const pages = await Promise.all([1, 2, 3].map(pageOf));
    expect(pages.map((page) => page.rows.length)).toEqual([15, 15, all.length - 30]);
    expect(pages.flatMap((page) => page.rows.map((row) => row.key))).toEqual(all.map((row) => row.key));
    expect(pages.every((page) => page.matching === all.length && page.pageCount === 3)).toBe(true);
    const pastTheEnd = await pageOf(9);
    expect([pastTheEnd.page, pastTheEnd.rows.map((row) => row.key)]).toEqual([3, pages[2]!.rows.map((row) => row.key)]);
  });

  it("search by any spelling, case-insensitively, and sort by any column in either direction", async () => {
    const all = await summary();
    // A word of one client's name, shouted: search ignores case.
    const word = all.rows.find((row) => row.name.includes(" "))!.name.split(" ")[1]!;
    const found = await summary({ q: word.toUpperCase() });
    expect(found.rows.length).toBeGreaterThan(0);
    expect(found.rows.length).toBeLessThan(all.rows.length);
    const mentions = (name: string) => name.toLowerCase().includes(word.toLowerCase());
    expect(found.rows.map((row) => row.key).sort()).toEqual(
      all.rows
        .filter((row) => [row.key, ...row.spellings.map((spelling) => spelling.name)].some(mentions))
        .map((row) => row.key)
        .sort(),
    );

    const names = all.rows.map((row) => row.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    const byNinja = (await summary({ sort: "ninja" })).rows.map((row) => row.ninja);
    expect(byNinja).toEqual([...byNinja].sort((a, b) => b - a));
    const bySpareAscending = (await summary({ sort: "spare", dir: "asc" })).rows.map((row) => row.spareLicensed);
    expect(bySpareAscending).toEqual([...bySpareAscending].sort((a, b) => a - b));
    const byOldest = (await summary({ sort: "oldest" })).rows.map((row) => row.oldestOpen?.daysOpen ?? -1);
    expect(byOldest).toEqual([...byOldest].sort((a, b) => b - a));
    // A hand-edited URL falls back to the defaults instead of failing.
    expect((await summary({ sort: "bogus", dir: "sideways", internal: "maybe" })).rows.map((row) => row.name)).toEqual(
      names,
    );
  });

  it("flag the configured internal organisations and leave them out when asked", async () => {
    process.env[INTERNAL_ORGANIZATIONS_ENV] = "Enterprise Solutions, Internal Infrastructure";
    const included = await summary();
    const internal = included.rows
      .filter((row) => row.internal)
      .map((row) => row.key)
      .sort();
    expect(internal).toEqual(["enterprise solutions", "internal infrastructure"]);
    const excluded = await summary({ internal: "exclude" });
    expect(excluded.rows.map((row) => row.key).sort()).toEqual(
      included.rows
        .filter((row) => !row.internal)
        .map((row) => row.key)
        .sort(),
    );
    expect(excluded.total).toBe(included.total);
  });

  it("add up merged organisations and say which names were merged", async () => {
    const before = await summary();
    const [into, from] = [...before.rows].filter((row) => row.ninja > 0 && row.threatlocker > 0).slice(0, 2);
    await mergeOrganizations(db, actors.admin, { from: from!.spellings[0]!.name, into: into!.key });
    const after = await summary();
    expect(after.rows.find((row) => row.key === from!.key)).toBeUndefined();
    const merged = after.rows.find((row) => row.key === into!.key)!;
    expect(merged.ninja).toBe(into!.ninja + from!.ninja);
    expect(merged.threatlocker).toBe(into!.threatlocker + from!.threatlocker);
    expect(merged.spareLicensed).toBe(into!.spareLicensed + from!.spareLicensed);
    expect(merged.openTotal).toBe(into!.openTotal + from!.openTotal);
    expect(merged.mergedNames).toEqual([...new Set(from!.spellings.map((spelling) => spelling.name))].sort());
    expect(after.merges).toEqual([{ aliasKey: from!.key, organizationKey: into!.key, organizationName: merged.name }]);
    // The merged name's page now is the organisation's page.
    expect(await getOrganizationDetail(db, actors.manager, from!.key, TODAY)).toEqual({
      kind: "merged",
      key: into!.key,
    });
  });

  it("show one organisation's devices, open variances and trend as SQL finds them", async () => {
    const { date, organizations } = await expectedBySql(database);
    const target = [...organizations.values()].sort((a, b) => b.ninja - a.ninja)[0]!;
    const result = await getOrganizationDetail(db, actors.manager, target.key, TODAY);
    if (result.kind !== "found") throw new Error("expected the organisation's page");
    const { detail } = result;
    expect(figuresOf(detail.figures)).toEqual(target);

    const devices = await database.pool.query<{ vendor: string; host: string; hostname: string }>(
      `SELECT v.name AS vendor, ${hostKeySql("s.hostname")} AS host, s.hostname FROM device_snapshot s JOIN vendor v ON v.id = s.vendor_id
       WHERE s.snapshot_date = $1 AND v.name IN ('Ninja', 'ThreatLocker') AND ${normalisedSql(orgNameSql("s.organization_name"))} = $2`,
      [date, target.key],
    );
    const listed = (vendor: "ninja" | "threatlocker") =>
      detail.devices.flatMap((device) => device[vendor].map((row) => `${device.key} ${row.hostname}`)).sort();
    const bySql = (vendor: string) =>
      devices.rows
        .filter((row) => row.vendor === vendor)
        .map((row) => `${row.host} ${row.hostname}`)
        .sort();
    expect(listed("ninja")).toEqual(bySql("Ninja"));
    expect(listed("threatlocker")).toEqual(bySql("ThreatLocker"));
    expect(detail.devices.every((device) => device.href === `/devices/${encodeURIComponent(device.key)}`)).toBe(true);

    const openCount = Object.values(target.open).reduce((sum, count) => sum + count, 0);
    expect(detail.openVariances).toHaveLength(openCount);
    expect(detail.openVariances[0]!.daysOpen).toBe(target.oldestDays);
    for (const variance of detail.openVariances)
      expect(variance.href).toBe(`/variances/${variance.type}/${encodeURIComponent(variance.key)}`);

    const trend = await database.pool.query<{ date: string; vendor: string; devices: number }>(
      `SELECT s.snapshot_date::text AS date, v.name AS vendor,
              count(*) FILTER (WHERE ${normalisedSql(orgNameSql("s.organization_name"))} = $2)::int AS devices
       FROM device_snapshot s JOIN vendor v ON v.id = s.vendor_id
       WHERE s.snapshot_date BETWEEN $1::date - 89 AND $1::date AND v.name IN ('Ninja', 'ThreatLocker')
       GROUP BY 1, 2`,
      [date, target.key],
    );
    expect(detail.trend).toHaveLength(ORGANIZATION_TREND_DAYS);
    expect(detail.trend.at(-1)!.date).toBe(date);
    const points = detail.trend.flatMap((point) =>
      (["Ninja", "ThreatLocker"] as const).flatMap((vendor) =>
        point[vendor] === undefined ? [] : [`${point.date} ${vendor} ${point[vendor]}`],
      ),
    );
    expect(points.sort()).toEqual(trend.rows.map((row) => `${row.date} ${row.vendor} ${row.devices}`).sort());
    // The failed-collection date is a gap, not a zero.
    expect(detail.trend.some((point) => point.Ninja !== undefined && point.ThreatLocker === undefined)).toBe(true);
  });

  it("has no page for a name on no report", async () => {
    expect(await getOrganizationDetail(db, actors.manager, "no such client", TODAY)).toEqual({ kind: "not_found" });
  });

  it("refuse a signed-out or role-less reader", async () => {
    const roleless = { ...actors.manager, role: undefined } as never;
    await expect(getOrganizationSummary(db, roleless, parseOrganizationFilters({}), TODAY)).rejects.toThrow(
      /permission/,
    );
    await expect(getOrganizationDetail(db, roleless, "x", TODAY)).rejects.toThrow(/permission/);
  });
});
