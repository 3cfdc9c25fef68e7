import { expect, test } from "@playwright/test";
import { ROLES } from "@/lib/auth/roles";
import { demoAccount, signIn } from "./support";

test("a signed-out visitor is sent to the sign-in page and comes back after signing in", async ({ page }) => {
  await page.goto("/?from=bookmark");
  await expect(page).toHaveURL(/\/login\?.*callbackUrl=/);
  const account = demoAccount("technician");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/\?from=bookmark$/);
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
});

for (const role of ROLES) {
  test(`the demo ${role} signs in and sees their role`, async ({ page }) => {
    await signIn(page, role);
    await expect(page.getByTestId("signed-in-as")).toContainText(new RegExp(role, "i"));
    await page.locator("summary", { hasText: "Sign out" }).click();
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
  });
}

test("a wrong password is refused with a generic message", async ({ page }) => {
  const account = demoAccount("admin");
  await page.goto("/login");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(`${account.password}-wrong`);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.locator("#login-error")).toHaveText("Email or password is wrong.");
  await expect(page).toHaveURL(/\/login/);

  await page.getByLabel("Email").fill("nobody@demo.local");
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.locator("#login-error")).toHaveText("Email or password is wrong.");
});
