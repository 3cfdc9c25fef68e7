import { expect, test } from "@playwright/test";
import { ROLES } from "@/lib/access/roles";
import { SIGN_IN_ACCOUNT_FAILURE_LIMIT } from "@/lib/auth/sign-in-throttle";
import { demoAccount, signIn, signInWith, sql } from "./support";

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

test("one person's typos lock only their own account: a colleague at the same address signs in at once", async ({
  page,
  request,
}) => {
  // Ten wrong passwords for one email, through Auth.js's own endpoint, from this machine
  // (::1, with no proxy in front), claiming an address in X-Forwarded-For that nothing vouches for.
  const typist = "typo.person@demo.local";
  for (let attempt = 0; attempt < SIGN_IN_ACCOUNT_FAILURE_LIMIT; attempt++) {
    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await request.post("/api/auth/callback/credentials", {
      form: { email: typist, password: `guess ${attempt}`, csrfToken, callbackUrl: "/" },
      headers: { "x-forwarded-for": "203.0.113.50" },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(302);
  }
  const refusals = await sql<{ address: string | null }>(
    "SELECT details->>'address' AS address FROM variance_dashboard.audit_events WHERE action = 'auth.sign_in_refused' AND actor_email = $1",
    [typist],
  );
  expect(refusals).toHaveLength(SIGN_IN_ACCOUNT_FAILURE_LIMIT);
  // No trusted proxy: neither the socket's ::1 nor the claimed address is counted.
  expect(refusals.every((refusal) => refusal.address === null)).toBe(true);

  const colleague = demoAccount("manager");
  await signInWith(page, colleague.email, colleague.password);
  await expect(page.getByTestId("signed-in-as")).toContainText(colleague.name);
});
