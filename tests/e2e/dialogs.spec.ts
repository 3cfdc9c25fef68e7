import { expect, test } from "@playwright/test";
import { expectCentred, openQueue, signIn, sql } from "./support";

const viewports = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
];

for (const viewport of viewports) {
  test(`every queue dialog opens centred at ${viewport.width}×${viewport.height}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await signIn(page, "technician");
    await openQueue(page, "/variances?type=SPARE_MISMATCH");
    for (const key of ["r", "a", "n", "s", "?"]) {
      await page.keyboard.press(key);
      const dialog = page.getByRole("dialog");
      await expectCentred(page, dialog);
      await page.keyboard.press("Escape");
      await expect(dialog).toBeHidden();
    }
    await page.getByTestId("variance-row").filter({ visible: true }).first().getByRole("checkbox").check();
    await page.getByRole("button", { name: "Resolve 1" }).click();
    const bulk = page.getByRole("dialog", { name: "Resolve 1 selected" });
    await expectCentred(page, bulk);
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Save or manage views" }).click();
    await expectCentred(page, page.getByRole("dialog", { name: "Saved views" }));
    await page.keyboard.press("Escape");
    await page.getByTestId("variance-row").filter({ visible: true }).first().getByRole("link").click();
    await expect(page.getByTestId("queue-position")).toBeVisible();
    await page.keyboard.press("r");
    await expectCentred(page, page.getByRole("dialog", { name: "Resolve and go to the next" }));
  });
}

test("Ctrl+Enter submits a dialog's form from its text field", async ({ page }) => {
  await signIn(page, "technician");
  await openQueue(page, "/variances?type=SPARE_MISMATCH");
  const row = page.getByTestId("variance-row").filter({ visible: true }).first();
  const [type, key] = (await row.getAttribute("data-variance"))!.split("/");
  await page.keyboard.press("n");
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await page.keyboard.type("Submitted with Ctrl+Enter");
  await page.keyboard.press("Control+Enter");
  await expect(dialog).toBeHidden();
  await expect
    .poll(
      async () =>
        (
          await sql<{ n: number }>(
            "SELECT count(*)::int AS n FROM variance_dashboard.variance_notes WHERE variance_type = $1 AND variance_key = $2 AND body = $3",
            [type, key, "Submitted with Ctrl+Enter"],
          )
        )[0]!.n,
    )
    .toBe(1);
});
