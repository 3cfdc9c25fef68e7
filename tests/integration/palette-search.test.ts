import { describe, expect, it, vi } from "vitest";
import { navigationFor } from "@/components/shell/navigation";
import type { Actor } from "@/lib/access/roles";
import { mergeOrganizations } from "@/lib/organizations/merge-organizations";
import { organizationMatchKey } from "@/lib/organizations/organization-name";
import { PALETTE_GROUP_LIMIT, type PaletteItem, type PaletteResults } from "@/lib/search/palette-results";
import { searchEverything } from "@/lib/search/search-everything";
import { resolveVariance } from "@/lib/variances/commands/resolve-variance";
import { demoDatabaseFixture } from "../helpers/demo-fixture";
import { loadEntryPoint, routeRequest, session } from "../helpers/entry-points";
import { DEMO_END_DATE } from "../helpers/test-database";
import { expectRefusedUnchanged, roleless } from "../helpers/variance-fixtures";

vi.mock("@/lib/auth/auth", async () => (await import("../helpers/entry-points")).authModuleMock);
vi.mock("@/lib/db/prisma", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getPrisma: (await import("../helpers/entry-points")).currentDatabase,
}));

/*
 * The palette's search against SQL and rules written out here again: the device keys of the
 * newest snapshots, "open" as the lifecycle's plain case, tiers by string comparison.
 */
const TODAY = DEMO_END_DATE;
const ROUTE = "app/api/search/route.ts#GET";

/** Exact (0), prefix (1), contains (2), or no match (3), ignoring case. */
const tierOf = (q: string, candidates: string[]) => {
  const needle = q.toLowerCase();
  const tiers = candidates.map((candidate) => {
    const text = candidate.toLowerCase();
    return text === needle ? 0 : text.startsWith(needle) ? 1 : text.includes(needle) ? 2 : 3;
  });
  return Math.min(...tiers);
};

const keyOf = (hostname: string) => (hostname.split("|")[0] ?? "").split(".")[0]!.toLowerCase();

describe("the command palette's search", () => {
  const fixture = demoDatabaseFixture();
  const search = (actor: Actor, q: string) => searchEverything(fixture.db, actor, q, navigationFor(actor), TODAY);
  const sql = async <T>(text: string, values: unknown[] = []) =>
    (await fixture.database.pool.query(text, values)).rows as T[];
  const latestRows = () =>
    sql<{ hostname: string; display_name: string | null }>(`
      SELECT s.hostname, s.display_name FROM device_snapshot s
      WHERE s.hostname IS NOT NULL
        AND (s.vendor_id, s.snapshot_date) IN (SELECT vendor_id, max(snapshot_date) FROM device_snapshot GROUP BY vendor_id)`);

  async function callRoute(actor: Actor | null, query: string) {
    session.db = fixture.db;
    session.userId = actor?.id ?? null;
    const handler = await loadEntryPoint(ROUTE);
    return (await handler(routeRequest(ROUTE, query))) as Response;
  }

  it("finds a device by a hostname fragment, ranked exact > prefix > contains, with its page", async () => {
    const hostnames = (await latestRows()).map((row) => row.hostname);
    const target = hostnames.find((hostname) => keyOf(hostname).length >= 8)!;
    const fragment = keyOf(target).slice(2, 6);
    const results = await search(fixture.actors.technician, fragment.toUpperCase());

    const rows = await latestRows();
    const expected = new Set(
      rows
        .filter((row) => [row.hostname, row.display_name ?? ""].some((text) => text.toLowerCase().includes(fragment)))
        .map((row) => keyOf(row.hostname)),
    );
    expect(results.devices.length).toBeGreaterThan(0);
    expect(results.devices.length).toBeLessThanOrEqual(PALETTE_GROUP_LIMIT);
    for (const device of results.devices) {
      // A 15-character Ninja name is listed under the longer ThreatLocker key it starts with.
      expect([...expected].some((key) => device.id.startsWith(key))).toBe(true);
      expect(device.href).toBe(`/devices/${encodeURIComponent(device.id)}`);
    }
    // A match in the display name only ranks with the "contains" matches.
    const tiers = results.devices.map((device) => Math.min(2, tierOf(fragment, [device.id])));
    expect(tiers).toEqual([...tiers].sort());

    const exact = await search(fixture.actors.technician, keyOf(target));
    expect(exact.devices[0]?.id).toBe(keyOf(target));
  });

  it("lists variances by hostname or type, open ones before others within a tier, each linking to its page", async () => {
    const [open] = await sql<{ type: string; key: string; hostname: string }>(
      `SELECT DISTINCT ON (type) type, lower(split_part(split_part(hostname, '|', 1), '.', 1)) AS key, hostname
       FROM exceptions WHERE date_found = $1 AND type = 'SPARE_MISMATCH' ORDER BY type, hostname`,
      [TODAY],
    );
    await resolveVariance(fixture.db, fixture.actors.technician, {
      type: open!.type,
      key: open!.key,
      expectedVersion: 0,
      note: "found by the palette test",
    });

    // Each result's rank from what it shows: the tier over hostname, key and type label, then open first.
    const ranksOf = (q: string, items: PaletteItem[]) =>
      items.map((item) => [
        tierOf(q, [item.label, item.id.split("/")[1]!, item.detail.split(" · ")[0]!]),
        item.detail.endsWith(" · open") ? 0 : 1,
      ]);
    const sorted = (ranks: number[][]) => [...ranks].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);

    const byType = await search(fixture.actors.manager, "spare still");
    expect(byType.variances.length).toBe(PALETTE_GROUP_LIMIT);
    expect(byType.variances.every((item) => item.detail.startsWith("Spare still licensed · "))).toBe(true);
    expect(ranksOf("spare still", byType.variances)).toEqual(sorted(ranksOf("spare still", byType.variances)));

    const byHost = await search(fixture.actors.technician, open!.key);
    const resolved = byHost.variances.find((item) => item.id === `${open!.type}/${open!.key}`);
    expect(resolved).toMatchObject({
      label: open!.hostname,
      href: `/variances/${open!.type}/${encodeURIComponent(open!.key)}`,
    });
    expect(resolved!.detail).toMatch(/ · resolved$/);
    expect(ranksOf(open!.key, byHost.variances)).toEqual(sorted(ranksOf(open!.key, byHost.variances)));
  });

  it("finds an organisation by any spelling, by its normalised name, and through an admin's merge", async () => {
    const names = (
      await sql<{ name: string }>(
        "SELECT DISTINCT organization_name AS name FROM device_snapshot WHERE snapshot_date = $1 AND organization_name IS NOT NULL ORDER BY 1",
        [TODAY],
      )
    ).map((row) => row.name);
    const keys = [...new Set(names.map(organizationMatchKey))];
    const [from, into] = [keys[0]!, keys[1]!];
    const spelling = names.find((name) => organizationMatchKey(name) === from)!;
    await mergeOrganizations(fixture.db, fixture.actors.admin, {
      from: spelling,
      into: names.find((name) => organizationMatchKey(name) === into)!,
    });

    const found = await search(fixture.actors.manager, spelling);
    expect(found.organizations[0]).toMatchObject({ id: into, href: `/organizations/${encodeURIComponent(into)}` });
    expect(found.organizations.some((item) => item.id === from)).toBe(false);

    const normalised = await search(fixture.actors.manager, `${into.toUpperCase()}, LLC.`);
    expect(normalised.organizations[0]?.id).toBe(into);
  });

  it("treats % and _ as plain characters and returns hostile hostnames as plain text", async () => {
    const hostile = "pct%host_<script>alert(1)</script>";
    await sql("INSERT INTO exceptions (date_found, type, hostname, details) VALUES ($1, 'SPARE_MISMATCH', $2, '{}')", [
      TODAY,
      hostile,
    ]);
    for (const q of ["%", "_", "t%h"]) {
      const results = await search(fixture.actors.technician, q);
      const all: PaletteItem[] = [...results.variances, ...results.devices, ...results.organizations];
      expect(all.map((item) => item.label)).toEqual(all.map(() => hostile));
    }
    const results = await search(fixture.actors.technician, "<script>");
    expect(results.variances.map((item) => item.label)).toEqual([hostile]);
  });

  it("offers each role only the pages it may open", async () => {
    const pagesFor = async (actor: Actor, q: string) => (await search(actor, q)).pages.map((page) => page.href);
    expect(await pagesFor(fixture.actors.manager, "admin")).toEqual([]);
    expect(await pagesFor(fixture.actors.technician, "team")).toEqual([]);
    expect(await pagesFor(fixture.actors.admin, "admin")).toEqual(["/admin/users"]);
    // Prefix before contains: "Team", then "Organizations".
    expect(await pagesFor(fixture.actors.manager, "t")).toEqual(["/team", "/organizations"]);
  });

  it("refuses an actor without a role, changing nothing", async () => {
    await expectRefusedUnchanged(
      fixture.database.pool,
      () => search(roleless(fixture.actors.technician), "web"),
      "forbidden",
    );
  });

  it("answers over the route: 401 signed out, 400 for 300 characters or none, bounded results for one", async () => {
    expect((await callRoute(null, "?q=web")).status).toBe(401);
    expect((await callRoute(fixture.actors.disabled, "?q=web")).status).toBe(401);
    expect((await callRoute(fixture.actors.technician, `?q=${"x".repeat(300)}`)).status).toBe(400);
    expect((await callRoute(fixture.actors.technician, "?q=")).status).toBe(400);
    expect((await callRoute(fixture.actors.technician, "?q=%00")).status).toBe(400);
    const one = await callRoute(fixture.actors.manager, "?q=a");
    expect(one.status).toBe(200);
    const body = (await one.json()) as PaletteResults;
    for (const group of [body.variances, body.devices, body.organizations, body.pages]) {
      expect(group.length).toBeLessThanOrEqual(PALETTE_GROUP_LIMIT);
    }
    expect(body.devices.length).toBe(PALETTE_GROUP_LIMIT);
  });
});
