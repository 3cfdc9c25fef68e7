import { type Browser, expect, test } from "@playwright/test";
import { demoAccount, expectAccessible, signIn, signInWith, sql } from "./support";

async function signInAs(browser: Browser, email: string, password: string) {
  const page = await (await browser.newContext()).newPage();
  await signInWith(page, email, password);
  return page;
}

test("an admin creates a local account whose one-time password works, then changes its role and disables it", async ({
  page,
  browser,
}) => {
  // Two browsers and a dozen page loads: more than the default minute on a busy machine.
  test.slow();
  await signIn(page, "admin");
  await page.getByRole("link", { name: "Admin" }).click();
  await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Email").fill("break.glass@example.com");
  await page.getByLabel("Name").fill("Break Glass");
  await page.getByLabel("Signs in with").selectOption("password");
  await page.getByRole("button", { name: "Add user" }).click();
  const password = (await page.getByTestId("one-time-password").textContent())!.trim();
  expect(password).toHaveLength(24);

  const newcomer = await signInAs(browser, "break.glass@example.com", password);
  await expect(newcomer.getByTestId("signed-in-as")).toContainText("technician");

  const row = page.locator('[data-testid="account-row"][data-email="break.glass@example.com"]');
  await row.getByLabel(/Role of Break Glass/).selectOption("manager");
  await row.getByRole("button", { name: /Save role of Break Glass/ }).click();
  await expect
    .poll(() => sql("SELECT role FROM variance_dashboard.users WHERE email = 'break.glass@example.com'"))
    .toEqual([{ role: "manager" }]);
  await newcomer.reload();
  await expect(newcomer.getByTestId("signed-in-as")).toContainText("manager");

  await row.getByRole("button", { name: /Disable Break Glass/ }).click();
  await expect(row.getByText("Disabled")).toBeVisible();
  await newcomer.reload();
  await expect(newcomer).toHaveURL(/\/login/);

  await page.getByRole("link", { name: "Audit log" }).click();
  await page
    .getByLabel("Subject contains")
    .fill(
      (
        await sql<{ id: string }>(
          "SELECT id::text FROM variance_dashboard.users WHERE email = 'break.glass@example.com'",
        )
      )[0]!.id,
    );
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/subject=/);
  const actions = page.getByTestId("audit-entry").locator(".font-mono.font-semibold");
  await expect(actions).toHaveText(["user.disable", "user.role_change", "auth.sign_in", "user.create"]);
  await expectAccessible(page);
});

test("the last active admin cannot demote themselves", async ({ page }) => {
  const admin = demoAccount("admin");
  await sql("UPDATE variance_dashboard.users SET role = 'manager' WHERE role = 'admin' AND email <> $1", [admin.email]);
  await signIn(page, "admin");
  await page.goto("/admin/users");
  const row = page.locator(`[data-testid="account-row"][data-email="${admin.email}"]`);
  await row.getByLabel(/Role of/).selectOption("technician");
  await row.getByRole("button", { name: /Save role of/ }).click();
  await expect(row.getByRole("alert")).toContainText("no active admin");
  expect(await sql("SELECT role FROM variance_dashboard.users WHERE email = $1", [admin.email])).toEqual([
    { role: "admin" },
  ]);
});

test("sign out everywhere ends the person's other sessions too", async ({ page, browser }) => {
  const account = demoAccount("technician");
  await signIn(page, "technician");
  const other = await signInAs(browser, account.email, account.password);
  await page.locator("summary", { hasText: "Sign out" }).click();
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/login/);
  await other.goto("/variances");
  await expect(other).toHaveURL(/\/login/);
  // Signing in again starts a fresh, valid session.
  await signIn(page, "technician");
});

test("people who are not admins get no admin pages", async ({ page }) => {
  await signIn(page, "manager");
  await expect(page.getByRole("link", { name: "Admin" })).toHaveCount(0);
  expect((await page.goto("/admin/users"))!.status()).toBe(403);
  await expect(page.getByRole("heading", { name: /don't have access/ })).toBeVisible();
  expect((await page.goto("/admin/audit"))!.status()).toBe(403);
  await expect(page.getByRole("heading", { name: /don't have access/ })).toBeVisible();
});
