import { expect, test } from "@playwright/test";
import { signIn } from "./support";

/** The overview's cards that count variances, each a link to the queue view it counts. */
const VARIANCE_CARDS = ["open-variances", "new-variances", "resolved-7-days", "license-waste"];

test("each variance card opens the queue view whose total is the card's figure", async ({ page }) => {
  await signIn(page, "manager");
  await page.goto("/");
  await expect(page.getByTestId("headline-cards")).toBeVisible({ timeout: 20_000 });
  // Only the cards that count variances link; device counts and the median do not.
  await expect(page.getByTestId("headline-cards").locator("a[data-testid$='-link']")).toHaveCount(
    VARIANCE_CARDS.length,
  );

  for (const card of VARIANCE_CARDS) {
    await page.goto("/");
    const link = page.getByTestId(`${card}-link`);
    await expect(link).toBeVisible({ timeout: 20_000 });
    const figure = await page.getByTestId(card).getAttribute("data-value");
    expect(figure, `${card} shows a number`).toMatch(/^\d+$/);
    await link.click();
    await expect(page).toHaveURL(/\/variances\?/);
    await expect(page.getByTestId("queue-summary"), `${card}: the queue's total`).toHaveAttribute(
      "data-value",
      figure!,
    );
  }
});

test("the filters a card sets are shown on the queue and can be removed", async ({ page }) => {
  await signIn(page, "manager");
  await page.goto("/");
  await page.getByTestId("resolved-7-days-link").click();
  const filters = page.getByTestId("card-filters");
  await expect(filters).toContainText("Resolved in the 7 days up to the report");
  // Kept when another filter of the bar changes (it applies at once).
  await page.getByLabel("Sort by").selectOption("hostname:");
  await expect(page).toHaveURL(/sort=hostname/);
  await expect(page).toHaveURL(/resolvedDays=7/);
  await expect(filters).toContainText("Resolved in the 7 days up to the report");
  await filters.getByRole("link", { name: /Remove the filter/ }).click();
  await expect(page).not.toHaveURL(/resolvedDays/);
  await expect(page.getByTestId("card-filters")).toHaveCount(0);
});
