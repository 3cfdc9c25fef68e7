import { expect, type Page, test } from "@playwright/test";
import { TRUNCATED_PAIR_SQL } from "../helpers/truncated-pair-sql";
import { expectAccessible, signIn, sql } from "./support";

/** A Ninja name cut to 15 characters and the longer ThreatLocker hostname it stands for, on each vendor's newest date. */
async function truncatedPair() {
  const [pair] = await sql<{ ninja: string; threatlocker: string; key: string }>(TRUNCATED_PAIR_SQL);
  expect(pair, "the demo data has a truncated Ninja name").toBeDefined();
  return pair!;
}

async function expectNoHorizontalScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

test("a manager finds the longer ThreatLocker host from a truncated 15-character Ninja name and opens the device", async ({
  page,
}) => {
  const pair = await truncatedPair();
  const netbios = pair.ninja.split(".")[0]!;
  expect(netbios).toHaveLength(15);

  await signIn(page, "manager");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Devices" }).click();
  await expect(page.getByTestId("devices-no-query")).toBeVisible();
  await page.getByLabel("Hostname, display name or serial").fill(netbios);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/devices\\?q=${encodeURIComponent(netbios)}$`));

  const result = page.locator(`[data-testid="device-result"][data-key="${pair.key}"]`);
  await expect(result).toContainText(pair.threatlocker);
  await expect(result).toContainText(pair.ninja);
  await expect(result.getByTestId("truncated-badge")).toHaveText("Truncated Ninja name");
  await expectAccessible(page);

  await result.getByRole("link", { name: pair.key }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(pair.key);
  await expect(page.getByTestId("vendor-Ninja").getByTestId("vendor-row")).toContainText(pair.ninja);
  await expect(page.getByTestId("vendor-Ninja").getByTestId("truncated-badge")).toBeVisible();
  await expect(page.getByTestId("vendor-ThreatLocker").getByTestId("vendor-row")).toContainText(pair.threatlocker);
  await expect(page.getByTestId("presence-Ninja").getByRole("img")).toHaveAttribute(
    "aria-label",
    /^In Ninja on \d+ of the last 90 daily reports$/,
  );
  const [missing] = await sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM exceptions WHERE type = 'MISSING_NINJA' AND lower(hostname) = $1 AND date_found = (SELECT max(date_found) FROM exceptions)`,
    [pair.key],
  );
  await expect(page.getByTestId("false-missing-ninja")).toHaveCount(missing!.n > 0 ? 1 : 0);
  await expectAccessible(page);
});

test("the device page lists the device's variances with their status, linking to each variance", async ({ page }) => {
  const [spare] = await sql<{ key: string }>(`
    SELECT lower(split_part(split_part(hostname, '|', 1), '.', 1)) AS key FROM exceptions
    WHERE type = 'SPARE_MISMATCH' AND date_found = (SELECT max(date_found) FROM exceptions) ORDER BY 1 LIMIT 1`);
  await signIn(page, "manager");
  await page.goto(`/devices/${encodeURIComponent(spare!.key)}`);
  const variance = page.locator(`[data-variance="SPARE_MISMATCH/${spare!.key}"]`);
  await expect(variance).toContainText("Open");
  await variance.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/variances/SPARE_MISMATCH/${encodeURIComponent(spare!.key)}$`));
  // And back: the variance page's hostname leads to the device.
  await page.getByRole("heading", { level: 1 }).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(spare!.key);
});

test("a search with no match and an unknown device explain themselves", async ({ page }) => {
  await signIn(page, "manager");
  await page.goto("/devices?q=zz-no-such-host");
  await expect(page.getByTestId("devices-no-results")).toContainText("No device matches “zz-no-such-host”");
  // Decided before the page streams: a real 404, with the explanation.
  expect((await page.goto("/devices/zz-no-such-host"))!.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "No such device" })).toBeVisible();
});

test("at 375 px the search results and the device page fit without horizontal scroll", async ({ page }) => {
  const pair = await truncatedPair();
  await page.setViewportSize({ width: 375, height: 800 });
  await signIn(page, "manager");
  await page.goto(`/devices?q=${encodeURIComponent(pair.ninja.split(".")[0]!)}`);
  await expect(page.getByTestId("device-result").first()).toBeVisible();
  await expectNoHorizontalScroll(page);
  await page.goto(`/devices/${encodeURIComponent(pair.key)}`);
  await expect(page.getByTestId("vendor-ThreatLocker")).toBeVisible();
  await expectNoHorizontalScroll(page);
});
