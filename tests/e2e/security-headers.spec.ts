import { expect, test, type Page } from "@playwright/test";
import { openQueue, signIn } from "./support";

function expectHardened(headers: Record<string, string>) {
  const policy = headers["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
}

/** Collects what the browser reports as blocked by the page's policy. */
function cspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test("the sign-in page and the overview carry the security headers, with a fresh nonce each time", async ({ page, request }) => {
  const login = await request.get("/login");
  expectHardened(login.headers());
  const again = await request.get("/login");
  expect(again.headers()["content-security-policy"]).not.toBe(login.headers()["content-security-policy"]);

  await signIn(page, "manager");
  const overview = await page.request.get("/");
  expect(overview.status()).toBe(200);
  expectHardened(overview.headers());
});

test("pages run under the policy without a single violation", async ({ page }) => {
  const violations = cspViolations(page);
  await signIn(page, "technician");
  // Both overview charts drawn (they stream in under Suspense, with inline styles from Recharts).
  await expect(page.getByTestId("device-trend").locator("path.recharts-area-curve").first()).toBeVisible();
  await expect(page.getByTestId("variance-trend").locator(".recharts-bar-rectangle rect").first()).toBeVisible();
  await openQueue(page, "/variances");
  await page.getByTestId("variance-row").filter({ visible: true }).first().getByRole("link").click();
  await expect(page.getByRole("region", { name: "Triage" })).toBeVisible();
  await page.getByRole("button", { name: /colour theme/i }).click();
  await expect(page.locator("html")).toHaveClass(/light|dark/);
  expect(violations).toEqual([]);
});
