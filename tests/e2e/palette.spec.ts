import { expect, type Page, test } from "@playwright/test";
import { expectAccessible, expectCentred, signIn, sql } from "./support";

const viewports = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
];

const palette = (page: Page) => page.getByRole("dialog", { name: "Search and commands" });

/** Ctrl+K once the page has hydrated (a press before that reaches no listener, so it is repeated). */
async function pressCtrlK(page: Page) {
  await expect(async () => {
    await page.keyboard.press("Control+k");
    await expect(palette(page)).toBeVisible({ timeout: 1_000 });
  }).toPass();
}

/** A device on the newest snapshot with a long enough key to search by a fragment of it. */
async function someDeviceKey() {
  const [row] = await sql<{ key: string }>(`
    SELECT lower(split_part(split_part(hostname, '|', 1), '.', 1)) AS key FROM device_snapshot
    WHERE hostname IS NOT NULL AND snapshot_date = (SELECT max(snapshot_date) FROM device_snapshot)
      AND length(split_part(split_part(hostname, '|', 1), '.', 1)) BETWEEN 10 AND 15
    ORDER BY hostname LIMIT 1`);
  return row!.key;
}

/** An open variance nobody has triaged, on the newest report. */
async function untriagedVariancePath() {
  const [row] = await sql<{ type: string; key: string }>(`
    SELECT e.type, lower(split_part(split_part(e.hostname, '|', 1), '.', 1)) AS key FROM exceptions e
    WHERE e.date_found = (SELECT max(date_found) FROM exceptions) AND e.type = 'SPARE_MISMATCH'
      AND NOT EXISTS (SELECT 1 FROM variance_dashboard.variance_triage t
                      WHERE t.variance_type = e.type AND t.variance_key = lower(split_part(split_part(e.hostname, '|', 1), '.', 1)))
    ORDER BY e.hostname LIMIT 1`);
  return `/variances/${row!.type}/${encodeURIComponent(row!.key)}`;
}

test("keyboard only: Ctrl+K, a hostname fragment, arrows and Enter open the device; Esc returns focus", async ({
  page,
}) => {
  const key = await someDeviceKey();
  await signIn(page, "technician");
  await page.getByRole("link", { name: "Variance Dashboard" }).focus();
  await pressCtrlK(page);
  await expect(page.getByRole("combobox")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(palette(page)).toBeHidden();
  await expect(page.getByRole("link", { name: "Variance Dashboard" })).toBeFocused();

  await pressCtrlK(page);
  await page.keyboard.type(key.slice(1, 9));
  const device = palette(page).getByRole("option").filter({ hasText: key });
  await expect(device.first()).toBeVisible();
  await expect(palette(page).getByRole("status")).toHaveText(/\d+ results?\./);
  // Down the list until the device is the one chosen (variances are listed first).
  for (let step = 0; step < 40; step++) {
    const selected = palette(page).locator('[role="option"][aria-selected="true"]');
    if ((await selected.getAttribute("data-value")) === `Devices:${key}`) break;
    await page.keyboard.press("ArrowDown");
  }
  await expect(palette(page).locator('[role="option"][aria-selected="true"]')).toHaveAttribute(
    "data-value",
    `Devices:${key}`,
  );
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/devices/${encodeURIComponent(key)}$`));
  await expect(palette(page)).toBeHidden();
});

test("on a variance page Ctrl+K offers its commands: Resolve opens the resolve dialog", async ({ page }) => {
  const path = await untriagedVariancePath();
  await signIn(page, "technician");
  await page.goto(path);
  await pressCtrlK(page);
  const commands = palette(page).getByRole("group", { name: "This variance" });
  await expect(commands.getByRole("option")).toHaveText(["Resolve…", "Assign to me", "Snooze…", "Add note…"]);
  await page.keyboard.type("resol");
  await expect(palette(page).locator('[role="option"][aria-selected="true"]')).toHaveText("Resolve…");
  await page.keyboard.press("Enter");
  const resolve = page.getByRole("dialog", { name: "Resolve" });
  await expect(resolve).toBeVisible();
  await expect(resolve.getByLabel("Resolution note")).toBeFocused();
  await expectCentred(page, resolve);
  await page.keyboard.press("Escape");
  await expect(resolve).toBeHidden();
});

test("a manager is offered no commands on a variance page and no admin pages; nothing found says so", async ({
  page,
}) => {
  const path = await untriagedVariancePath();
  await signIn(page, "manager");
  await page.goto(path);
  await pressCtrlK(page);
  await expect(palette(page).getByRole("group", { name: "Pages" })).toBeVisible();
  await expect(palette(page).getByRole("group", { name: "This variance" })).toHaveCount(0);
  await expect(palette(page).getByRole("option", { name: "Admin" })).toHaveCount(0);
  await expect(palette(page).getByRole("option", { name: "Team" })).toBeVisible();
  await page.keyboard.type("zz-no-such-host");
  await expect(palette(page).getByRole("status")).toHaveText("Nothing matches “zz-no-such-host”.");
  await expect(palette(page).getByRole("option")).toHaveCount(0);
});

for (const viewport of viewports) {
  test(`the palette opens centred and accessible at ${viewport.width}×${viewport.height}`, async ({ page }) => {
    // Two axe passes (light, dark) take a while on a busy machine.
    test.slow();
    await page.setViewportSize(viewport);
    await signIn(page, "technician");
    // A page light enough for axe to check quickly; the palette is the same on every page.
    await page.goto("/devices");
    await page.getByRole("button", { name: /^Search…/ }).click();
    await expect(palette(page)).toBeVisible();
    await page.keyboard.type("a");
    await expect(palette(page).getByRole("status")).toHaveText(/\d+ results?\./);
    await expectCentred(page, palette(page));
    await expectAccessible(page);
  });
}
