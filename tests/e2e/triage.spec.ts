import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { openQueue, signIn, sql } from "./support";

/** Open SPARE_MISMATCH variances on the report, as the queue lists them (longest open first). */
async function openSpareRows(page: Page) {
  await openQueue(page, "/variances?type=SPARE_MISMATCH");
  return page.getByTestId("variance-row").filter({ visible: true });
}

async function noteCount(type: string, key: string) {
  const [row] = await sql<{ n: number }>(
    "SELECT count(*)::int AS n FROM variance_dashboard.variance_notes WHERE variance_type = $1 AND variance_key = $2",
    [type, key],
  );
  return row!.n;
}

test("a technician notes, assigns, resolves a spare and sees it move to resolved with its timeline", async ({
  page,
}) => {
  await signIn(page, "technician");
  const rows = await openSpareRows(page);
  const row = rows.nth(5);
  const variance = (await row.getAttribute("data-variance"))!;
  const hostname = (await row.getByRole("link").textContent())!;
  await row.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(hostname);

  await page.getByLabel("Add a note").fill("Asked the client whether the laptop is back in use");
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByTestId("activity-timeline")).toContainText(
    "Asked the client whether the laptop is back in use",
  );

  await page.getByRole("button", { name: "Assign to me" }).click();
  await expect(page.getByTestId("activity-timeline")).toContainText("assigned it to Taylor Technician");

  await page.getByLabel("Resolution note").fill("Removed ThreatLocker from the spare");
  await page.getByRole("button", { name: "Resolve", exact: true }).click();
  await expect(page.getByRole("button", { name: "Reopen" })).toBeVisible();
  const timeline = page.getByTestId("activity-timeline");
  await expect(timeline).toContainText("added a note: Asked the client");
  await expect(timeline).toContainText("resolved it: Removed ThreatLocker from the spare");

  const [type, key] = variance.split("/");
  const written = await sql<{ resolved: boolean; resolved_by: string; assigned_to: string; notes: string[] }>(
    `SELECT resolved, resolved_by, assigned_to, notes FROM exceptions e
     WHERE type = $1 AND lower(split_part(split_part(hostname, '|', 1), '.', 1)) = $2
     ORDER BY date_found DESC LIMIT 1`,
    [type, key],
  );
  expect(written[0]).toMatchObject({ resolved: true, resolved_by: "tech@demo.local", assigned_to: "tech@demo.local" });
  expect(written[0]!.notes.at(-1)).toMatch(/tech@demo\.local: Asked the client/);

  await page.goto("/variances?type=SPARE_MISMATCH");
  await expect(page.locator(`[data-variance="${variance}"]`)).toHaveCount(0);
  await page.goto("/variances?type=SPARE_MISMATCH&status=resolved");
  await expect(page.locator(`[data-variance="${variance}"]`).filter({ visible: true })).toContainText("Resolved");
});

test("bulk-resolving three selected variances asks for confirmation with the count", async ({ page }) => {
  await signIn(page, "technician");
  const rows = await openSpareRows(page);
  const before = await rows.count();
  const chosen: string[] = [];
  for (const index of [0, 1, 2]) {
    const row = rows.nth(index);
    chosen.push((await row.getAttribute("data-variance"))!);
    await row.getByRole("checkbox").check();
  }
  await expect(page.getByTestId("selection-count")).toHaveText("3 selected");
  await page.getByRole("button", { name: "Resolve 3" }).click();
  const dialog = page.getByRole("dialog", { name: "Resolve 3 selected" });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Resolution note").fill("Licenses removed in bulk");
  await dialog.getByRole("button", { name: "Resolve 3 variances" }).click();
  await expect(page.getByTestId("queue-outcome")).toHaveText("Resolved 3.");
  await expect(rows).toHaveCount(before - 3);
  for (const variance of chosen) await expect(page.locator(`[data-variance="${variance}"]`)).toHaveCount(0);
});

test("the same resolve, driven by the keyboard alone", async ({ page }) => {
  await signIn(page, "technician");
  const rows = await openSpareRows(page);
  const target = (await rows.nth(2).getAttribute("data-variance"))!;
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await page.keyboard.press("Escape");
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await expect(rows.nth(2)).toBeFocused();
  await page.keyboard.press("r");
  await expect(page.getByRole("dialog")).toBeVisible();
  await expect(page.getByLabel("Resolution note")).toBeFocused();
  await page.keyboard.type("Resolved from the keyboard");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("queue-outcome")).toHaveText(/^Resolved /);
  await expect(page.locator(`[data-variance="${target}"]`)).toHaveCount(0);
});

test("a manager sees no action controls, and calling an action directly is refused", async ({ page, browser }) => {
  // Record what the browser sends for "Add note" as a technician…
  await signIn(page, "technician");
  const rows = await openSpareRows(page);
  await rows.first().getByRole("link").click();
  const [type, key] = decodeURIComponent(new URL(page.url()).pathname).split("/").slice(2);
  const request = page.waitForRequest(
    (candidate) => candidate.method() === "POST" && !!candidate.headers()["next-action"],
  );
  await page.getByLabel("Add a note").fill("Recorded call");
  await page.getByRole("button", { name: "Add note" }).click();
  const recorded = await request;
  await expect(page.getByTestId("activity-timeline")).toContainText("Recorded call");
  const notesBefore = await noteCount(type!, key!);

  // …then a manager: no controls on the page, and the replayed call changes nothing.
  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await signIn(manager, "manager");
  await manager.goto(page.url());
  await expect(manager.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(manager.getByRole("region", { name: "Triage" })).toHaveCount(0);
  await expect(manager.getByRole("button", { name: /Resolve|Assign|Snooze|Add note|Reopen/ })).toHaveCount(0);
  await manager.goto("/variances");
  await expect(manager.getByRole("checkbox")).toHaveCount(0);

  const replay = await manager.request.post(recorded.url(), {
    headers: {
      "next-action": recorded.headers()["next-action"]!,
      "content-type": recorded.headers()["content-type"]!,
      accept: "text/x-component",
      origin: new URL(page.url()).origin,
    },
    data: recorded.postData()!.replace("Recorded call", "Manager was here"),
  });
  expect(await replay.text()).toContain("You do not have permission to do that.");
  expect(await noteCount(type!, key!)).toBe(notesBefore);
  await managerContext.close();
});

test("script in notes and hostnames renders as text", async ({ page }) => {
  const hostile = "<script>alert(1)</script>";
  const [latest] = await sql<{ date: string }>("SELECT max(date_found)::text AS date FROM exceptions");
  await sql(
    `INSERT INTO exceptions (date_found, type, hostname, details, resolved) VALUES ($1, 'MISSING_NINJA', $2, $3, false)`,
    [
      latest!.date,
      hostile,
      JSON.stringify({
        tl_hostname: hostile,
        tl_canonical_key: hostile,
        tl_site_name: null,
        tl_org_name: hostile,
        data_quality_issue: false,
        original_stored_hostname: null,
      }),
    ],
  );
  let dialogs = 0;
  page.on("dialog", (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  await signIn(page, "technician");
  await page.goto(`/variances?q=${encodeURIComponent("<script>")}`);
  const row = page.getByTestId("variance-row").filter({ visible: true }).first();
  await expect(row).toContainText(hostile);
  await row.getByRole("link").click();
  await page.getByLabel("Add a note").fill(hostile);
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByTestId("activity-timeline")).toContainText(hostile);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(hostile);
  expect(dialogs).toBe(0);
});

test("the CSV export has the rows on the screen, in the same order", async ({ page }) => {
  await signIn(page, "manager");
  await page.goto("/variances?type=SPARE_MISMATCH&sort=hostname");
  const onScreen = await page.getByTestId("variance-row").filter({ visible: true }).getByRole("link").allTextContents();
  const download = page.waitForEvent("download");
  await page.getByTestId("export-csv").click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^variances-\d{4}-\d{2}-\d{2}-open\.csv$/);
  const text = readFileSync((await file.path())!, "utf8").replace(/^\uFEFF/, "");
  const [header, ...records] = parse(text) as string[][];
  expect(header!.slice(0, 3)).toEqual(["Type", "Hostname", "Organisation"]);
  expect(records.map((record) => record[1])).toEqual(onScreen);
  expect(records.every((record) => record[0] === "SPARE_MISMATCH")).toBe(true);
});

test("select all matching this filter, then snooze them all with one confirmation", async ({ page }) => {
  await signIn(page, "technician");
  await openQueue(page, "/variances?type=DISPLAY_NAME_MISMATCH");
  const total = Number(await page.getByTestId("type-count-DISPLAY_NAME_MISMATCH").textContent());
  expect(total).toBeGreaterThan(1);
  await page.getByRole("button", { name: `Select all ${total} matching this filter` }).click();
  await expect(page.getByTestId("selection-count")).toHaveText(`${total} selected`);
  await page.getByRole("button", { name: `Snooze ${total}` }).click();
  const dialog = page.getByRole("dialog", { name: `Snooze ${total} selected` });
  await dialog.getByLabel("Snooze for").selectOption("14");
  await dialog.getByLabel("Snooze reason").fill("Naming clean-up scheduled with the client");
  await dialog.getByRole("button", { name: `Snooze ${total} variances` }).click();
  await expect(page.getByTestId("queue-outcome")).toHaveText(`Snoozed ${total}.`);
  await expect(page.getByTestId("queue-empty")).toBeVisible();
  await page.goto("/variances?type=DISPLAY_NAME_MISMATCH&status=snoozed");
  await expect(page.getByTestId("variance-row").filter({ visible: true })).toHaveCount(total);
});
