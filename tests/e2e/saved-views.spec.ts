import { expect, test } from "@playwright/test";
import { openQueue, signIn } from "./support";

test("a technician saves the current filters as a view, makes it the default and opens it by its link", async ({
  page,
}) => {
  await signIn(page, "technician");
  await openQueue(page, "/variances?type=MISSING_NINJA&sort=hostname");
  await page.getByRole("button", { name: "Save or manage views" }).click();
  const manage = page.getByRole("dialog", { name: "Saved views" });
  await manage.getByLabel("Save these filters as").fill("Missing in Ninja by name");
  await manage.getByRole("button", { name: "Save view" }).click();
  const views = page.getByRole("navigation", { name: "Saved views" });
  const link = views.getByRole("link", { name: /Missing in Ninja by name/ });
  await expect(link).toHaveAttribute("href", "/variances?type=MISSING_NINJA&sort=hostname");
  // Its tab counts what it lists: the queue's own total under those filters.
  const total = await page.getByTestId("queue-summary").getAttribute("data-value");
  await expect(link).toContainText(total!);

  await manage.getByRole("button", { name: "Open the queue on “Missing in Ninja by name” by default" }).click();
  await expect(link).toContainText("default");
  await page.goto("/variances");
  await expect(page).toHaveURL(/\/variances\?type=MISSING_NINJA&sort=hostname$/);
  await expect(page.getByTestId("variance-row").filter({ visible: true }).first()).toContainText("Missing in Ninja");

  await page.getByRole("button", { name: "Save or manage views" }).click();
  await page.getByRole("button", { name: "Delete “Missing in Ninja by name”" }).click();
  await expect(link).toHaveCount(0);
});
