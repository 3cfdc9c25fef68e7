import { expect as baseExpect, type Page, test } from "@playwright/test";
import { expectAccessible, signIn } from "./support";

// The machine running these is shared and often busy: give server-rendered pages time.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 180_000 });

const count = (value: number) => new Intl.NumberFormat("en-US").format(value);

/** The list's rows on a wide screen, by their organisation key, in page order. */
const rowKeys = (page: Page) =>
  page
    .getByTestId("organization-table")
    .locator("tbody tr")
    .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-key")));

/** The page streams (skeleton first): wait until the list says how many rows it shows. */
async function listShows(page: Page, summary: RegExp) {
  await expect(page.getByTestId("organization-summary")).toHaveText(summary);
  await expect(page.getByTestId("organization-table")).toBeVisible();
}
const columnValues = async (page: Page, column: string) =>
  (await page.getByTestId("organization-table").locator(`tbody td[data-column="${column}"]`).allTextContents()).map(
    (text) => Number(text.replace(/[^\d-]/g, "")),
  );

async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

test("a manager sorts and searches the organisations, and the URL and rows follow", async ({ page }) => {
  await signIn(page, "manager");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Organizations" }).click();
  await expect(page).toHaveURL(/\/organizations$/);
  await listShows(page, /^\d+ organisations/);
  const byName = await rowKeys(page);
  expect(byName.length).toBeGreaterThan(10);

  const ninjaHeader = page.getByRole("columnheader", { name: /Ninja/ });
  await expect(ninjaHeader).toHaveAttribute("aria-sort", "none");
  await ninjaHeader.getByRole("link").click();
  await expect(page).toHaveURL(/\/organizations\?sort=ninja$/);
  await expect(page.getByRole("columnheader", { name: /Ninja/ })).toHaveAttribute("aria-sort", "descending");
  const ninja = await columnValues(page, "ninja");
  expect(ninja).toEqual([...ninja].sort((a, b) => b - a));
  expect(await rowKeys(page)).not.toEqual(byName);

  await page.getByRole("columnheader", { name: /Ninja/ }).getByRole("link").click();
  await expect(page).toHaveURL(/sort=ninja&dir=asc/);
  await expect(page.getByRole("columnheader", { name: /Ninja/ })).toHaveAttribute("aria-sort", "ascending");
  const ascending = await columnValues(page, "ninja");
  expect(ascending).toEqual([...ninja].reverse().sort((a, b) => a - b));

  // Searching keeps the sort, and ignores case.
  const firstName = (await page
    .getByTestId("organization-table")
    .locator("tbody tr")
    .first()
    .getByRole("link")
    .first()
    .textContent())!;
  await page.getByLabel("Search organisations").fill(firstName.toUpperCase());
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/sort=ninja&dir=asc/);
  expect(new URL(page.url()).searchParams.get("q")).toBe(firstName.toUpperCase());
  await listShows(page, / of /);
  const found = await rowKeys(page);
  expect(found.length).toBeGreaterThanOrEqual(1);
  expect(found.length).toBeLessThan(byName.length);
  await expect(page.getByTestId("organization-summary")).toContainText(
    `${found.length} of ${byName.length} organisations`,
  );

  await page.getByLabel("Search organisations").fill("zzz no such client");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByTestId("organizations-empty")).toBeVisible();
});

test("the internal organisations can be left out, and the toggle is in the URL", async ({ page }) => {
  await signIn(page, "manager");
  await page.goto("/organizations");
  await listShows(page, /^\d+ organisations/);
  const all = await rowKeys(page);
  const internalRows = await page
    .getByTestId("organization-table")
    .locator("tbody tr")
    .filter({ has: page.getByText("Internal", { exact: true }) })
    .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-key")));
  expect(internalRows).toContain("enterprise solutions");
  await page.getByLabel("Leave out internal organisations").check();
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/internal=exclude/);
  await listShows(page, new RegExp(`^${all.length - internalRows.length} of ${all.length} organisations`));
  const clients = await rowKeys(page);
  expect(clients).toEqual(all.filter((key) => !internalRows.includes(key)));
});

test("an organisation's page shows its figures, devices, variances and trend, and is accessible", async ({ page }) => {
  await signIn(page, "manager");
  await page.goto("/organizations?sort=open");
  await listShows(page, /^\d+ organisations/);
  await expectAccessible(page);
  const first = page.getByTestId("organization-table").locator("tbody tr").first();
  const key = (await first.getAttribute("data-key"))!;
  const openOnList = await first.locator('td[data-column="open"] > span').first().textContent();
  await first.getByRole("link").first().click();
  await expect(page).toHaveURL(`/organizations/${encodeURIComponent(key)}`);
  await expect(page.getByTestId("organization-open")).toHaveText(openOnList!);

  const variances = page.getByTestId("organization-variances").getByRole("listitem");
  await expect(variances).toHaveCount(Number(openOnList!.replace(/\D/g, "")));
  await expect(variances.first().getByRole("link")).toHaveAttribute("href", /^\/variances\/[A-Z_]+\//);
  await expect(page.getByTestId("organization-devices").getByRole("link").first()).toHaveAttribute(
    "href",
    /^\/devices\//,
  );
  const lines = page.locator("path.recharts-area-curve");
  await expect(lines).toHaveCount(2);
  for (const stroke of await lines.evaluateAll((paths) => paths.map((path) => getComputedStyle(path).stroke)))
    expect(stroke).not.toBe("none");
  await expectAccessible(page);
});

test("at 375 px the list turns into cards without horizontal scrolling", async ({ page }) => {
  await signIn(page, "manager");
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/organizations");
  await expect(page.getByTestId("organization-summary")).toHaveText(/^\d+ organisations/);
  await expect(page.getByTestId("organization-cards")).toBeVisible();
  await expect(page.getByTestId("organization-table")).toBeHidden();
  await expectNoHorizontalScroll(page);
  await page
    .getByRole("navigation", { name: "Sort organisations" })
    .getByRole("link", { name: "Spares licensed" })
    .click();
  await expect(page).toHaveURL(/sort=spare/);
  await page.getByTestId("organization-cards").getByRole("listitem").first().getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoHorizontalScroll(page);
});

test("at 375 px an organisation's devices are cards, one per device, without horizontal scrolling", async ({
  page,
}) => {
  await signIn(page, "manager");
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/organizations?sort=ninja");
  await page.getByTestId("organization-cards").getByRole("listitem").first().getByRole("link").first().click();
  await expect(page.getByTestId("organization-ninja")).toBeVisible();
  const cards = page.getByRole("list", { name: "Devices on this report, per vendor" });
  await expect(cards).toBeVisible();
  await expect(page.getByTestId("organization-devices")).toBeHidden();
  await expect(cards.locator(":scope > li").first().getByRole("link").first()).toHaveAttribute("href", /^\/devices\//);
  await expectNoHorizontalScroll(page);
});

test("printing leaves out the navigation and the forms", async ({ page }) => {
  await signIn(page, "manager");
  await page.goto("/organizations");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("search", { name: "Organisations" })).toBeHidden();
  await expect(page.getByTestId("organization-table")).toBeVisible();
});

test("an admin merges two organisations and the page says which names were merged", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/organizations?sort=ninja");
  await listShows(page, /^\d+ organisations/);
  const rows = page.getByTestId("organization-table").locator("tbody tr");
  const intoKey = (await rows.nth(0).getAttribute("data-key"))!;
  const fromKey = (await rows.nth(1).getAttribute("data-key"))!;
  const intoNinja = (await columnValues(page, "ninja"))[0]!;
  const fromNinja = (await columnValues(page, "ninja"))[1]!;

  await page.getByLabel("Merge", { exact: true }).selectOption(fromKey);
  await page.getByLabel("into").selectOption(intoKey);
  await page.getByRole("button", { name: "Merge", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Merged" })).toBeVisible();

  const merged = page.locator(`tbody tr[data-key="${intoKey}"]`);
  await expect(merged.getByTestId("merged-names")).toContainText("Merged by hand");
  await expect(page.locator(`tbody tr[data-key="${fromKey}"]`)).toHaveCount(0);
  await expect(merged.locator('td[data-column="ninja"]')).toHaveText(count(intoNinja + fromNinja));
  await expect(page.getByTestId("organization-merges")).toContainText(`“${fromKey}” are merged into`);

  // The merged name's page is now the organisation's page.
  await page.goto(`/organizations/${encodeURIComponent(fromKey)}`);
  await expect(page).toHaveURL(`/organizations/${encodeURIComponent(intoKey)}`);
  await expect(page.getByTestId("merged-names")).toBeVisible();

  // And split again, leaving the demo as it was for other tests.
  await page.goto("/organizations");
  await page.getByRole("button", { name: `Split “${fromKey}” off`, exact: false }).click();
  await expect(page.getByTestId("organization-merges")).toHaveCount(0);
  await expect(page.locator(`tbody tr[data-key="${fromKey}"]`)).toHaveCount(1);
});
