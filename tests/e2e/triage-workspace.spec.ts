import { expect, type Page, test } from "@playwright/test";
import { expectAccessible, openQueue, signIn, sql } from "./support";

const visibleRows = (page: Page) => page.getByTestId("variance-row").filter({ visible: true });

/** How many rows lie wholly inside the viewport, as the page first shows them. */
async function rowsAboveTheFold(page: Page) {
  const height = page.viewportSize()!.height;
  const boxes = await visibleRows(page).evaluateAll((rows) => rows.map((row) => row.getBoundingClientRect().bottom));
  return boxes.filter((bottom) => bottom <= height).length;
}

test("at 1440×900 the queue shows at least 15 rows without scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, "technician");
  await openQueue(page, "/variances?status=all");
  expect(await visibleRows(page).count()).toBeGreaterThanOrEqual(15);
  expect(await rowsAboveTheFold(page)).toBeGreaterThanOrEqual(15);
});

test("at 390×844 the first card is above the fold and nothing scrolls sideways", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "technician");
  await openQueue(page, "/variances?status=all");
  expect(await rowsAboveTheFold(page)).toBeGreaterThanOrEqual(1);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("filters apply at once: Mine, a type, and a debounced search, all in the URL", async ({ page }) => {
  await signIn(page, "technician");
  await openQueue(page, "/variances");
  await page.getByRole("button", { name: "Mine" }).click();
  await expect(page).toHaveURL(/assignee=me/);
  await expect(page.getByRole("button", { name: "Mine" })).toHaveAttribute("aria-pressed", "true");
  // "My open" in the header counts the same list (once the list has re-rendered for the filter).
  await expect
    .poll(async () => {
      const [count, listed] = await Promise.all([
        page.getByTestId("my-open-count").textContent(),
        page.getByTestId("queue-summary").getAttribute("data-value"),
      ]);
      return count === listed;
    })
    .toBe(true);
  for (const row of await visibleRows(page).all()) await expect(row).toContainText("Taylor Technician");
  await page.getByRole("button", { name: "Mine" }).click();
  await expect(page).not.toHaveURL(/assignee=/);

  await page.getByLabel("Status").selectOption("all");
  await expect(page).toHaveURL(/status=all/);
  const fragment = (await visibleRows(page).first().getByRole("link").textContent())!.slice(0, 5);
  await page.locator("[data-ready]").waitFor();
  await page.keyboard.press("/");
  await expect(page.getByRole("searchbox", { name: "Search hostnames" })).toBeFocused();
  await page.keyboard.type(fragment);
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(fragment)}`, "i"));
  await expect(page).toHaveURL(/status=all/);
  for (const link of await visibleRows(page).getByRole("link").allTextContents())
    expect(link.toLowerCase()).toContain(fragment.toLowerCase());
});

test("keyboard only: j j Enter opens the third variance, resolve and next, Esc back, / searches", async ({ page }) => {
  await signIn(page, "technician");
  await openQueue(page, "/variances?type=SPARE_MISMATCH");
  const rows = visibleRows(page);
  const [third, fourth] = await Promise.all([rows.nth(2), rows.nth(3)].map((row) => row.getAttribute("data-variance")));
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await expect(rows.nth(2)).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/variances/${third}\\?type=SPARE_MISMATCH$`));
  await expect(page.getByTestId("queue-position")).toHaveText(/^3 of \d+$/);

  await page.keyboard.press("r");
  const dialog = page.getByRole("dialog", { name: "Resolve and go to the next" });
  await expect(dialog.getByLabel("Resolution note")).toBeFocused();
  await page.keyboard.type("Removed from the keyboard flow");
  await page.keyboard.press("Control+Enter");
  await expect(page).toHaveURL(new RegExp(`/variances/${fourth}\\?type=SPARE_MISMATCH$`));
  const [type, key] = third!.split("/");
  const [triage] = await sql<{ resolution_note: string }>(
    "SELECT resolution_note FROM variance_dashboard.variance_triage WHERE variance_type = $1 AND variance_key = $2",
    [type, key],
  );
  expect(triage?.resolution_note).toBe("Removed from the keyboard flow");

  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(/\/variances\?type=SPARE_MISMATCH$/);
  // Back where the person left: the variance they were last on is the current row.
  await expect(page.locator(`[data-variance="${fourth}"]`).filter({ visible: true })).toBeFocused();
  await page.keyboard.press("/");
  await page.keyboard.type("zz-no-such-host");
  await expect(page).toHaveURL(/q=zz-no-such-host/);
  await expect(page.getByTestId("queue-empty")).toBeVisible();
});

test("back from a variance returns to the same filtered list, with next and previous inside it", async ({ page }) => {
  await signIn(page, "technician");
  const filtered = "/variances?type=DISPLAY_NAME_MISMATCH&status=all&sort=hostname";
  await openQueue(page, filtered);
  const rows = visibleRows(page);
  const [first, second] = await Promise.all([rows.nth(0), rows.nth(1)].map((row) => row.getAttribute("data-variance")));
  await rows.nth(0).getByRole("link").click();
  await expect(page.getByTestId("queue-position")).toHaveText(/^1 of \d+$/);
  await expect(page.getByRole("link", { name: /Previous/ })).toHaveCount(0);
  await page.getByRole("link", { name: /Next/ }).click();
  await expect(page).toHaveURL(new RegExp(`/variances/${second}\\?`));
  await page.keyboard.press("k");
  await expect(page).toHaveURL(new RegExp(`/variances/${first}\\?`));
  await page.getByTestId("back-to-queue").click();
  await expect(page).toHaveURL(new RegExp(`${filtered.replace("?", "\\?")}$`));
});

test("the variance page shows notes and activity as one timeline, newest first, in relative time", async ({ page }) => {
  await signIn(page, "technician");
  await openQueue(page, "/variances?type=SPARE_MISMATCH");
  await visibleRows(page).nth(7).getByRole("link").click();
  await page.getByLabel("Add a note").fill("First, a note");
  await page.getByRole("button", { name: "Add note" }).click();
  const timeline = page.getByTestId("activity-timeline");
  await expect(timeline).toContainText("added a note: First, a note");
  await page.getByRole("button", { name: "Assign to me" }).click();
  await expect(timeline.locator("li").first()).toContainText("assigned it to Taylor Technician");
  await expect(timeline.locator("li").nth(1)).toContainText("added a note: First, a note");
  const time = timeline.locator("li").first().locator("time");
  await expect(time).toHaveText(/now|sec|min/);
  // The full moment in the reader's zone on hover, not a raw UTC stamp.
  await expect(time).not.toHaveAttribute("title", /UTC/);
});

test("the new queue and its dialogs have no serious accessibility violations, light and dark", async ({ page }) => {
  // Four full axe scans take a while on a busy machine.
  test.setTimeout(240_000);
  await signIn(page, "technician");
  await openQueue(page, "/variances");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Save or manage views" }).click();
  await expect(page.getByRole("dialog", { name: "Saved views" })).toBeVisible();
  await expectAccessible(page);
});

test("a offers me first: Ctrl+Enter assigns the row to me and focus returns to the list", async ({ page }) => {
  await signIn(page, "technician");
  await openQueue(page, "/variances?type=MISSING_NINJA&assignee=unassigned");
  const rows = visibleRows(page);
  const target = (await rows.nth(1).getAttribute("data-variance"))!;
  await page.keyboard.press("j");
  await page.keyboard.press("a");
  const dialog = page.getByRole("dialog", { name: /^Assign / });
  await expect(dialog.getByLabel("Assignee")).toBeFocused();
  await expect(dialog.getByLabel("Assignee").locator("option:checked")).toHaveText("Me (Taylor Technician)");
  await page.keyboard.press("Control+Enter");
  await expect(dialog).toBeHidden();
  // It left this "unassigned" list; the row now in its place has focus and is the current one.
  await expect(page.locator(`[data-variance="${target}"]`)).toHaveCount(0);
  await expect(rows.nth(1)).toBeFocused();
  await expect(rows.nth(1)).toHaveAttribute("aria-current", "true");
  const [type, key] = target.split("/");
  const [triage] = await sql<{ name: string }>(
    `SELECT u.name FROM variance_dashboard.variance_triage t JOIN variance_dashboard.users u ON u.id = t.assignee_user_id
     WHERE t.variance_type = $1 AND t.variance_key = $2`,
    [type, key],
  );
  expect(triage?.name).toBe("Taylor Technician");
});
