import { expect, type Page, test } from "@playwright/test";
import { signIn, sql } from "./support";

// The demo fleet has fewer than a thousand devices per vendor, so no figure would show digit
// grouping. For the length of this file the newest report's Ninja devices are doubled with
// copies under new identities and hostnames; afterAll removes exactly the rows it added.
const SUFFIX = "-l10n-e2e";
let added: { snapshot: number; identity: number }[] = [];

test.beforeAll(async () => {
  const [{ columns } = { columns: [] }] = await sql<{ columns: string[] }>(
    `SELECT array_agg(quote_ident(column_name)::text ORDER BY ordinal_position) AS columns FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name = 'device_snapshot' AND column_name <> 'id'`,
  );
  const copied = (column: string) =>
    column === "device_identity_id"
      ? "ids.id"
      : column === "hostname"
        ? `src.hostname || '${SUFFIX}'`
        : `src.${column}`;
  added = await sql<{ snapshot: number; identity: number }>(
    `WITH src AS (
       SELECT s.* FROM device_snapshot s JOIN vendor v ON v.id = s.vendor_id
       WHERE v.name = 'Ninja' AND s.snapshot_date = (
         SELECT d.snapshot_date FROM device_snapshot d JOIN vendor dv ON dv.id = d.vendor_id WHERE dv.name IN ('Ninja', 'ThreatLocker')
         GROUP BY d.snapshot_date HAVING count(DISTINCT dv.name) = 2 ORDER BY d.snapshot_date DESC LIMIT 1)
     ), ids AS (
       INSERT INTO device_identity (vendor_id, vendor_device_key, first_seen_date, last_seen_date)
       SELECT i.vendor_id, i.vendor_device_key || '${SUFFIX}', i.first_seen_date, i.last_seen_date FROM device_identity i JOIN src ON src.device_identity_id = i.id
       RETURNING id, vendor_device_key
     )
     INSERT INTO device_snapshot (${columns.join(", ")})
     SELECT ${columns.map(copied).join(", ")} FROM src JOIN device_identity i ON i.id = src.device_identity_id JOIN ids ON ids.vendor_device_key = i.vendor_device_key || '${SUFFIX}'
     RETURNING id AS snapshot, device_identity_id AS identity`,
  );
});

test.afterAll(async () => {
  await sql(`DELETE FROM device_snapshot WHERE id = ANY($1::int[])`, [added.map((row) => row.snapshot)]);
  await sql(`DELETE FROM device_identity WHERE id = ANY($1::int[])`, [added.map((row) => row.identity)]);
});

/** Opens the overview signed in as a manager, failing on any hydration mismatch along the way. */
async function openOverview(page: Page) {
  const hydrationErrors: string[] = [];
  // Production React reports a mismatch only by number (418, 422, 423, 425), not by the word.
  const isHydrationError = (text: string) =>
    /hydrat|react\.dev\/errors\/4(18|2[235])\b|error #4(18|2[235])\b/i.test(text);
  page.on("console", (message) => {
    if (message.type() === "error" && isHydrationError(message.text())) hydrationErrors.push(message.text());
  });
  page.on("pageerror", (error) => {
    if (isHydrationError(error.message)) hydrationErrors.push(error.message);
  });
  await signIn(page, "manager");
  await page.goto("/");
  await expect(page.getByTestId("headline-cards")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("device-trend").locator("path.recharts-area-curve").first()).toBeVisible({
    timeout: 20_000,
  });
  return hydrationErrors;
}

/** The Ninja device count as its card shows it, with the raw number behind it. */
async function ninjaCard(page: Page) {
  const card = page.getByTestId("devices-ninja");
  const value = Number(await card.getAttribute("data-value"));
  expect(value).toBeGreaterThan(999);
  return { value, text: (await card.textContent())?.trim() ?? "" };
}

/** The device chart's y-axis labels of a thousand or more (drawn in the browser by a client component). */
const largeTicks = (page: Page) =>
  page
    .getByTestId("device-trend")
    .locator(".recharts-yAxis .recharts-cartesian-axis-tick-value")
    .allTextContents()
    .then((ticks) => ticks.map((tick) => tick.trim()).filter((tick) => tick.replace(/\D/g, "").length >= 4));

test.describe("a browser asking for German", () => {
  test.use({ locale: "de-DE" });

  test("sees numbers grouped with dots and dates written the German way", async ({ page }) => {
    const hydrationErrors = await openOverview(page);
    const { value, text } = await ninjaCard(page);
    expect(text).toMatch(/^\d{1,3}(\.\d{3})+$/);
    expect(Number(text.replaceAll(".", ""))).toBe(value);
    await expect(page.getByTestId("overview-report-date")).toHaveText(/^\d{2}\.\d{2}\.\d{4}$/);
    const ticks = await largeTicks(page);
    expect(ticks.length).toBeGreaterThan(0);
    for (const tick of ticks) expect(tick).toMatch(/^\d{1,3}(\.\d{3})+$/);
    expect(hydrationErrors).toEqual([]);
  });
});

test.describe("a browser asking for US English", () => {
  test.use({ locale: "en-US" });

  test("sees numbers grouped with commas and dates as month, day, year", async ({ page }) => {
    const hydrationErrors = await openOverview(page);
    const { value, text } = await ninjaCard(page);
    expect(text).toMatch(/^\d{1,3}(,\d{3})+$/);
    expect(Number(text.replaceAll(",", ""))).toBe(value);
    await expect(page.getByTestId("overview-report-date")).toHaveText(/^[A-Z][a-z]{2} \d{1,2}, \d{4}$/);
    const ticks = await largeTicks(page);
    expect(ticks.length).toBeGreaterThan(0);
    for (const tick of ticks) expect(tick).toMatch(/^\d{1,3}(,\d{3})+$/);
    expect(hydrationErrors).toEqual([]);
  });
});
