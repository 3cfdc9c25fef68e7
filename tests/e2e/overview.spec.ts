import { expect, test } from "@playwright/test";
import { signIn, sql } from "./support";

async function latestMatchingDateBySql(): Promise<string> {
  const [row] = await sql<{ date: string }>(`
    SELECT s.snapshot_date::text AS date
    FROM device_snapshot s JOIN vendor v ON v.id = s.vendor_id
    WHERE v.name IN ('Ninja', 'ThreatLocker')
    GROUP BY s.snapshot_date
    HAVING count(DISTINCT v.name) = 2
    ORDER BY s.snapshot_date DESC LIMIT 1`);
  return row!.date;
}

test("the overview's numbers equal direct SQL counts on the demo database", async ({ page }) => {
  const date = await latestMatchingDateBySql();
  const devices = await sql<{ name: string; devices: number }>(
    `SELECT v.name, count(*)::int AS devices FROM device_snapshot s JOIN vendor v ON v.id = s.vendor_id
     WHERE s.snapshot_date = $1 AND v.name IN ('Ninja', 'ThreatLocker') GROUP BY v.name`,
    [date],
  );
  const [open] = await sql<{ count: number }>(`SELECT count(*)::int AS count FROM exceptions WHERE date_found = $1 AND NOT resolved`, [date]);
  const byType = await sql<{ type: string; count: number }>(
    `SELECT type, count(*)::int AS count FROM exceptions WHERE date_found = $1 AND NOT resolved GROUP BY type`,
    [date],
  );

  await signIn(page, "manager");
  const deviceCount = (name: string) => String(devices.find((row) => row.name === name)?.devices);
  await expect(page.getByTestId("devices-ninja")).toHaveAttribute("data-value", deviceCount("Ninja"));
  await expect(page.getByTestId("devices-threatlocker")).toHaveAttribute("data-value", deviceCount("ThreatLocker"));
  await expect(page.getByTestId("open-exceptions")).toHaveAttribute("data-value", String(open!.count));
  expect(byType.length).toBeGreaterThan(1);
  const barList = page.getByTestId("open-exceptions-by-type");
  for (const row of byType) await expect(barList).toContainText(new Intl.NumberFormat("en-US").format(row.count));
  await expect(page.getByTestId("latest-matching-date")).toContainText(
    new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`)),
  );
});

test("the device trend chart draws its lines in real colours", async ({ page }) => {
  await signIn(page, "manager");
  const lines = page.locator(".recharts-line path.recharts-curve");
  await expect(lines).toHaveCount(2);
  const strokes = await lines.evaluateAll((paths) => paths.map((path) => getComputedStyle(path).stroke));
  for (const stroke of strokes) {
    expect(stroke).not.toBe("none");
    expect(stroke).toMatch(/^(rgb|oklch|oklab|lab|color)\(/);
  }
  expect(new Set(strokes).size).toBe(2);
});
