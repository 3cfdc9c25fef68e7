import { expect, type Locator, type Page, test } from "@playwright/test";
import { DEVICES_PER_VENDOR_SQL, NINJA_BILLING_SQL } from "../helpers/device-count-sql";
import { expectAccessible, signIn, sql } from "./support";

const KEY = "lower(split_part(split_part(e.hostname, '|', 1), '.', 1))";
const formatDate = (date: string) =>
  new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));

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

/** Computed colours of some SVG shapes; each must be a real colour, not `none` or a missing class. */
async function paints(shapes: Locator, property: "stroke" | "fill") {
  const values = await shapes.evaluateAll(
    (nodes, name) => nodes.map((node) => getComputedStyle(node).getPropertyValue(name)),
    property,
  );
  for (const value of values) expect(value).toMatch(/^(rgb|oklch|oklab|lab|color)\(/);
  return new Set(values);
}

async function openOverview(page: Page, path = "/") {
  await page.goto(path);
  // The charts stream in after the shell; give a busy server time to send them.
  await expect(page.getByTestId("device-trend").locator("path.recharts-area-curve").first()).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByTestId("variance-trend").locator(".recharts-bar-rectangle rect").first()).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByTestId("headline-cards")).toBeVisible({ timeout: 20_000 });
}

test("the overview's cards equal direct SQL on the demo database", async ({ page }) => {
  const date = await latestMatchingDateBySql();
  const devices = await sql<{ name: string; n: number }>(DEVICES_PER_VENDOR_SQL, [date]);
  const billing = await sql<{ code: string; n: number }>(NINJA_BILLING_SQL, [date]);
  // Open as the queue defines it: on the report, not resolved on it, not snoozed.
  const [open] = await sql<{ count: number; spare: number }>(
    `SELECT count(*)::int AS count, count(*) FILTER (WHERE p.type = 'SPARE_MISMATCH')::int AS spare FROM (SELECT DISTINCT e.type, ${KEY} AS key FROM exceptions e WHERE e.date_found = $1) p
     LEFT JOIN variance_dashboard.variance_triage t ON t.variance_type = p.type AND t.variance_key = p.key
     WHERE (t.resolved_report_date IS NULL OR t.resolved_report_date <> $1::date) AND (t.snoozed_until IS NULL OR t.snoozed_until <= current_date)`,
    [date],
  );

  await signIn(page, "manager");
  await openOverview(page);
  const value = (list: { name?: string; code?: string; n: number }[], name: string) =>
    String(list.find((row) => (row.name ?? row.code) === name)?.n);
  await expect(page.getByTestId("devices-ninja")).toHaveAttribute("data-value", value(devices, "Ninja"));
  await expect(page.getByTestId("devices-threatlocker")).toHaveAttribute("data-value", value(devices, "ThreatLocker"));
  await expect(page.getByTestId("billable-devices")).toHaveAttribute("data-value", value(billing, "billable"));
  await expect(page.getByTestId("spare-devices")).toHaveAttribute("data-value", value(billing, "spare"));
  await expect(page.getByTestId("open-variances")).toHaveAttribute("data-value", String(open!.count));
  await expect(page.getByTestId("license-waste")).toHaveAttribute("data-value", String(open!.spare));
  await expect(page.getByTestId("devices-ninja")).toHaveText(
    new Intl.NumberFormat("en-US").format(Number(value(devices, "Ninja"))),
  );
  // Every card has a change line against the report a week earlier (median shows it has nothing to compare).
  await expect(page.getByTestId("headline-cards").locator("[data-testid$='-change']")).toHaveCount(9);
  await expect(page.getByTestId("open-variances-change")).toContainText(/vs [A-Z][a-z]{2} \d{1,2}, \d{4}/);
  await expect(page.getByTestId("latest-matching-date")).toContainText(formatDate(date));
  await expect(page.getByTestId("overview-report-date")).toHaveText(formatDate(date));
  // The banner names the newest run of each collector job.
  const runs = await sql<{ job_name: string; status: string }>(
    `SELECT DISTINCT ON (job_name) job_name, status FROM job_runs ORDER BY job_name, started_at DESC`,
  );
  await expect(page.getByTestId("collector-run")).toHaveCount(runs.length);
  for (const run of runs)
    await expect(page.locator(`[data-testid=collector-run][data-job="${run.job_name}"]`)).toHaveAttribute(
      "data-status",
      run.status,
    );
});

test("both trend charts draw in real colours", async ({ page }) => {
  await signIn(page, "manager");
  await openOverview(page);
  // The first two areas are the vendors (any further ones mark failed collections).
  const curves = page.getByTestId("device-trend").locator("path.recharts-area-curve");
  const [ninja] = await paints(curves.nth(0), "stroke");
  const [threatlocker] = await paints(curves.nth(1), "stroke");
  expect(ninja).not.toBe(threatlocker);
  const fills = await paints(page.getByTestId("variance-trend").locator(".recharts-bar-rectangle rect"), "fill");
  // A stacked bar per type present on the report dates: several distinct colours.
  expect(fills.size).toBeGreaterThan(1);
});

test("switching the window to 365 days changes the URL and the chart", async ({ page }) => {
  await signIn(page, "manager");
  await openOverview(page);
  const ninjaCurve = page.getByTestId("device-trend").locator("path.recharts-area-curve").first();
  const before = await ninjaCurve.getAttribute("d");
  await expect(page.getByTestId("overview-trends")).toHaveAttribute("data-window", "90");
  await page.getByRole("navigation", { name: "Trend window" }).getByRole("link", { name: "365 days" }).click();
  await expect(page).toHaveURL(/[?&]window=365\b/);
  await expect(page.getByTestId("overview-trends")).toHaveAttribute("data-window", "365");
  await expect(page.getByRole("link", { name: "365 days" })).toHaveAttribute("aria-current", "page");
  await expect(ninjaCurve).not.toHaveAttribute("d", before!);
  await expect(page.getByRole("heading", { name: "Trends over 365 days" })).toBeVisible();
});

test("the failed-collection dates are marked on the trend, not drawn as zero", async ({ page }) => {
  const failed = await sql<{ date: string; vendor: string }>(`
    WITH days AS (
      SELECT s.snapshot_date AS date, v.name FROM device_snapshot s JOIN vendor v ON v.id = s.vendor_id
      WHERE v.name IN ('Ninja', 'ThreatLocker') GROUP BY 1, 2)
    SELECT d.date::text AS date, vendor.name AS vendor
    FROM (SELECT DISTINCT date FROM days) d CROSS JOIN (VALUES ('Ninja'), ('ThreatLocker')) AS vendor(name)
    WHERE d.date > (SELECT max(date) FROM days) - 90
      AND NOT EXISTS (SELECT 1 FROM days WHERE days.date = d.date AND days.name = vendor.name)
    ORDER BY 1`);
  expect(failed.length).toBeGreaterThan(0);
  await signIn(page, "manager");
  await openOverview(page);
  const markers = page.getByTestId("failed-collection");
  await expect(markers).toHaveCount(failed.length);
  for (const [index, failure] of failed.entries()) {
    await expect(markers.nth(index)).toHaveAttribute("data-date", failure.date);
    await expect(markers.nth(index)).toHaveAttribute("data-vendor", failure.vendor);
    await expect(markers.nth(index)).toContainText(formatDate(failure.date));
  }
  // Each failure is a dot on the device trend in the failure colour, distinct from both vendors.
  const dots = page.getByTestId("device-trend").locator("circle.recharts-dot");
  await expect(dots).toHaveCount(failed.length);
  const dotFills = await paints(dots, "fill");
  const vendorStrokes = await paints(
    page.getByTestId("device-trend").locator("path.recharts-area-curve").first(),
    "stroke",
  );
  for (const fill of dotFills) expect(vendorStrokes.has(fill)).toBe(false);
});

test("the overview and the team page pass an accessibility scan in light and dark", async ({ page }) => {
  // Four full axe scans of pages with two charts of SVG take a while on a busy machine.
  test.setTimeout(240_000);
  await signIn(page, "manager");
  await openOverview(page);
  await expectAccessible(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Team" }).click();
  await expect(page.getByRole("heading", { name: "Team", level: 1 })).toBeVisible();
  await expectAccessible(page);
});

test("the overview at 1440 and 375 pixels wide: screenshots, and no sideways scrolling on a phone", async ({
  page,
}, testInfo) => {
  await signIn(page, "manager");
  for (const width of [1440, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await openOverview(page);
    const file = testInfo.outputPath(`overview-${width}.png`);
    await page.screenshot({ path: file, fullPage: true });
    await testInfo.attach(`overview at ${width} px`, { path: file, contentType: "image/png" });
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(scrollWidth, `horizontal scroll at ${width} px`).toBeLessThanOrEqual(clientWidth);
  }
});

test("the overview prints without navigation or controls, charts kept, each section on its own page", async ({
  page,
}, testInfo) => {
  await signIn(page, "manager");
  await openOverview(page);
  const bodyColor = () => page.locator("body").evaluate((body) => getComputedStyle(body).color);
  await page.emulateMedia({ media: "screen", colorScheme: "light" });
  await expect(page.locator("html")).not.toHaveClass(/dark/);
  const lightText = await bodyColor();
  await page.emulateMedia({ media: "screen", colorScheme: "dark" });
  await expect(page.locator("html")).toHaveClass(/dark/);
  expect(await bodyColor()).not.toBe(lightText);

  await page.emulateMedia({ media: "print", colorScheme: "dark" });
  // Dark styles are for the screen: paper gets dark text even when the screen was dark.
  expect(await bodyColor()).toBe(lightText);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Trend window" })).toBeHidden();
  for (const name of ["Print or save as PDF", "Sign out"])
    await expect(page.getByRole("button", { name })).toBeHidden();
  await expect(page.getByTestId("device-trend").locator("path.recharts-area-curve").first()).toBeVisible();
  await expect(page.getByTestId("variance-trend").locator(".recharts-bar-rectangle rect").first()).toBeVisible();
  await expect(page.getByTestId("ageing-table")).toBeVisible();
  const breaks = await page
    .locator(".print-section")
    .evaluateAll((sections) => sections.map((section) => getComputedStyle(section).breakBefore));
  expect(breaks).toEqual(["auto", "page", "page"]);
  const file = testInfo.outputPath("overview.pdf");
  await page.pdf({ path: file, format: "A4", printBackground: true });
  await testInfo.attach("overview printed to PDF", { path: file, contentType: "application/pdf" });
});

test("the team page is for managers; technicians neither see it nor open it", async ({ page }) => {
  await signIn(page, "technician");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Team" })).toHaveCount(0);
  // Refused in the team layout, above its loading boundary, so the status is decided before streaming.
  expect((await page.goto("/team"))!.status()).toBe(403);
  await expect(page.getByRole("heading", { name: /have access to this page/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Team", level: 1 })).toHaveCount(0);
});

test("at 375 px the team page shows a card per technician and nothing overflows", async ({ page }) => {
  await signIn(page, "manager");
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/team");
  const cards = page.getByRole("list", { name: "Technicians" });
  await expect(cards).toBeVisible();
  await expect(page.getByTestId("technician-table")).toBeHidden();
  await expect(cards.getByRole("heading", { level: 3 }).first()).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, "horizontal scroll at 375 px").toBeLessThanOrEqual(0);
});

test("the team page lists technicians and unassigned work by type, equal to SQL", async ({ page }) => {
  const date = await latestMatchingDateBySql();
  const unassigned = await sql<{ type: string; count: number }>(
    `SELECT p.type, count(*)::int AS count FROM (SELECT DISTINCT e.type, ${KEY} AS key FROM exceptions e WHERE e.date_found = $1) p
     LEFT JOIN variance_dashboard.variance_triage t ON t.variance_type = p.type AND t.variance_key = p.key
     WHERE t.assignee_user_id IS NULL AND (t.resolved_report_date IS NULL OR t.resolved_report_date <> $1::date)
       AND (t.snoozed_until IS NULL OR t.snoozed_until <= current_date)
     GROUP BY 1`,
    [date],
  );
  const technicians = await sql<{ id: string }>(
    `SELECT id::text FROM variance_dashboard.users WHERE role = 'technician' AND disabled_at IS NULL`,
  );
  await signIn(page, "manager");
  await page.goto("/team");
  expect(technicians.length).toBeGreaterThan(0);
  for (const { id } of technicians)
    await expect(page.locator(`[data-testid=technician-row][data-user="${id}"]`)).toBeVisible();
  const rows = page.getByTestId("unassigned-type");
  await expect(rows).toHaveCount(unassigned.length);
  for (const row of unassigned)
    await expect(page.locator(`[data-testid=unassigned-type][data-type=${row.type}]`)).toHaveAttribute(
      "data-value",
      String(row.count),
    );
});
