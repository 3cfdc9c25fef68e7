import { expect, type Page, test } from "@playwright/test";
import { expectAccessible, openQueue, signIn, sql } from "./support";

const QUEUE = "/variances?type=SPARE_MISMATCH";

async function openRows(page: Page) {
  await openQueue(page, QUEUE);
  return page.getByTestId("variance-row").filter({ visible: true });
}

/** The toast whose title says `text`, and its Undo button. */
const toastSaying = (page: Page, text: string | RegExp) =>
  page.locator("[data-sonner-toast]").filter({ hasText: text });

async function triageOf(variance: string) {
  const [type, key] = variance.split("/");
  const [row] = await sql<{ version: number; assignee: string | null; resolved: string | null }>(
    `SELECT t.version, u.name AS assignee, t.resolved_report_date::text AS resolved
     FROM variance_dashboard.variance_triage t LEFT JOIN variance_dashboard.users u ON u.id = t.assignee_user_id
     WHERE t.variance_type = $1 AND t.variance_key = $2`,
    [type, key],
  );
  return row;
}

test("resolve a variance from the queue, then Undo: open again with its assignee", async ({ page }) => {
  test.slow(); // Two dialogs, two toasts and an axe pass in light and dark.
  const technician = await signIn(page, "technician");
  const rows = await openRows(page);
  const row = rows.nth(8);
  const variance = (await row.getAttribute("data-variance"))!;
  const hostname = (await row.getByRole("link").textContent())!;

  await row.focus();
  await page.keyboard.press("a");
  const assign = page.getByRole("dialog", { name: `Assign ${hostname}` });
  await assign.getByLabel("Assignee").selectOption({ label: `Me (${technician.name})` });
  await assign.getByRole("button", { name: "Save" }).click();
  await expect(toastSaying(page, `Assigned ${hostname}.`)).toBeVisible();

  await page.locator(`[data-variance="${variance}"]`).filter({ visible: true }).focus();
  await page.keyboard.press("r");
  const resolve = page.getByRole("dialog", { name: `Resolve ${hostname}` });
  await resolve.getByLabel("Resolution note").fill("Removed the licence");
  await resolve.getByRole("button", { name: "Resolve" }).click();
  await expect(page.getByTestId("queue-outcome")).toHaveText(`Resolved ${hostname}.`);
  await expect(page.locator(`[data-variance="${variance}"]`)).toHaveCount(0);
  expect(await triageOf(variance)).toMatchObject({ version: 2, assignee: technician.name });

  await toastSaying(page, `Resolved ${hostname}.`).getByRole("button", { name: "Undo" }).click();
  await expect(toastSaying(page, "Undid 1.")).toBeVisible();
  const back = page.locator(`[data-variance="${variance}"]`).filter({ visible: true });
  await expect(back).toBeVisible();
  await expect(back).toContainText(technician.name);
  expect(await triageOf(variance)).toEqual({ version: 3, assignee: technician.name, resolved: null });
  const [type, key] = variance.split("/");
  const events = await sql<{ action: string }>(
    "SELECT action FROM variance_dashboard.audit_events WHERE subject_id = $1 ORDER BY id",
    [`${type}/${key}`],
  );
  expect(events.map((event) => event.action)).toEqual(["variance.assign", "variance.resolve", "variance.undo"]);
  await expectAccessible(page);
});

test("bulk resolve 3, then Undo: all 3 open again", async ({ page }) => {
  await signIn(page, "technician");
  const rows = await openRows(page);
  const chosen: string[] = [];
  for (const index of [10, 11, 12]) {
    const row = rows.nth(index);
    chosen.push((await row.getAttribute("data-variance"))!);
    await row.getByRole("checkbox").check();
  }
  await page.getByRole("button", { name: "Resolve 3" }).click();
  const dialog = page.getByRole("dialog", { name: "Resolve 3 selected" });
  await dialog.getByLabel("Resolution note").fill("Licences removed in bulk");
  await dialog.getByRole("button", { name: "Resolve 3 variances" }).click();
  await expect(page.getByTestId("queue-outcome")).toHaveText("Resolved 3.");
  for (const variance of chosen) await expect(page.locator(`[data-variance="${variance}"]`)).toHaveCount(0);

  await toastSaying(page, "Resolved 3.").getByRole("button", { name: "Undo" }).click();
  await expect(toastSaying(page, "Undid 3.")).toBeVisible();
  for (const variance of chosen) {
    await expect(page.locator(`[data-variance="${variance}"]`).filter({ visible: true })).toBeVisible();
    expect((await triageOf(variance))?.resolved).toBeNull();
  }
});

test("an Undo after a colleague's change says what it could not undo and why", async ({ page, browser }) => {
  test.slow(); // Two people sign in, and password hashing is deliberately slow.
  await signIn(page, "technician");
  const rows = await openRows(page);
  const chosen: string[] = [];
  for (const index of [14, 15]) {
    const row = rows.nth(index);
    chosen.push((await row.getAttribute("data-variance"))!);
    await row.getByRole("checkbox").check();
  }
  // A colleague, signed in in their own browser, has one of them open.
  const colleague = await browser.newPage();
  const admin = await signIn(colleague, "admin");
  const [type, key] = chosen[1]!.split("/");
  await colleague.goto(`/variances/${encodeURIComponent(type!)}/${encodeURIComponent(key!)}`);

  await page.getByRole("button", { name: "Resolve 2" }).click();
  const dialog = page.getByRole("dialog", { name: "Resolve 2 selected" });
  await dialog.getByLabel("Resolution note").fill("Both fixed");
  await dialog.getByRole("button", { name: "Resolve 2 variances" }).click();
  await expect(page.getByTestId("queue-outcome")).toHaveText("Resolved 2.");
  // Hovering holds the toast (and its Undo) while the colleague acts.
  await toastSaying(page, "Resolved 2.").hover();

  await colleague.reload();
  await colleague.getByRole("button", { name: "Reopen" }).click();
  await expect(colleague.getByRole("button", { name: "Reopen" })).toHaveCount(0);
  await colleague.close();

  await toastSaying(page, "Resolved 2.").getByRole("button", { name: "Undo" }).click();
  const outcome = toastSaying(page, "Undid 1; could not undo 1.");
  await expect(outcome).toBeVisible();
  await expect(outcome.getByTestId("undo-skipped")).toHaveText(`${key}: changed by ${admin.name} since`);
});
