import { expect, test } from "@playwright/test";
import { signIn, sql } from "./support";

test.describe("the guide's JSON API behind the session", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, "manager");
  });

  test("GET /api/exceptions returns the latest matching date's rows, filtered and paged", async ({ page }) => {
    const response = await page.request.get("/api/exceptions?type=SPARE_MISMATCH&limit=5&offset=2");
    expect(response.status()).toBe(200);
    const body = await response.json();
    const rows = await sql<{ id: string; hostname: string }>(
      `SELECT id::text, hostname FROM exceptions WHERE date_found = $1 AND type = 'SPARE_MISMATCH' ORDER BY type, hostname, id LIMIT 5 OFFSET 2`,
      [body.date],
    );
    const [count] = await sql<{ total: number }>(
      `SELECT count(*)::int AS total FROM exceptions WHERE date_found = $1 AND type = 'SPARE_MISMATCH'`,
      [body.date],
    );
    expect(body.total).toBe(count!.total);
    expect(body.items.map((item: { id: string }) => item.id)).toEqual(rows.map((row) => row.id));
    expect(body.items[0]).toMatchObject({ type: "SPARE_MISMATCH", date_found: body.date, resolved: false });
  });

  test("GET /api/exceptions/stats and /api/devices/summary count per type and per vendor", async ({ page }) => {
    const stats = await (await page.request.get("/api/exceptions/stats")).json();
    const byType = await sql<{ type: string; count: number }>(
      `SELECT type, count(*)::int AS count FROM exceptions WHERE date_found = $1 GROUP BY type`,
      [stats.date],
    );
    expect(stats.counts).toEqual(Object.fromEntries(byType.map((row) => [row.type, row.count])));

    const summary = await (await page.request.get(`/api/devices/summary?date=${stats.date}`)).json();
    const byVendor = await sql<{ name: string; count: number }>(
      `SELECT v.name, count(*)::int AS count FROM device_snapshot s JOIN vendor v ON v.id = s.vendor_id
       WHERE s.snapshot_date = $1 AND v.name IN ('Ninja', 'ThreatLocker') GROUP BY v.name`,
      [stats.date],
    );
    expect(summary.devices).toEqual(Object.fromEntries(byVendor.map((row) => [row.name, row.count])));
  });

  test("bad parameters get 400 with a reason", async ({ page }) => {
    for (const query of ["limit=abc", "date=2026-02-30", "resolved=maybe", "offset=-1", "unknown=1"]) {
      const response = await page.request.get(`/api/exceptions?${query}`);
      expect(response.status(), query).toBe(400);
      expect((await response.json()).error).toMatch(/^Bad parameters: /);
    }
  });
});

test("the JSON API answers 401 JSON without a session", async ({ request }) => {
  for (const path of ["/api/exceptions", "/api/exceptions/stats", "/api/devices/summary"]) {
    const response = await request.get(path);
    expect(response.status()).toBe(401);
    expect(await response.json()).toEqual({ error: "Sign in to use this API." });
  }
});
