import { expect, type Page, test } from "@playwright/test";
import { openQueue, signIn, sql } from "./support";

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
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text()))
      violations.push(message.text());
  });
  return violations;
}

test("the sign-in page and the overview carry the security headers, with a fresh nonce each time", async ({
  page,
  request,
}) => {
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

test("a server action without an Origin or from another site is refused with 403 before it runs; the app's own call works", async ({
  page,
}) => {
  await signIn(page, "technician");
  await openQueue(page, "/variances");
  await page.getByTestId("variance-row").filter({ visible: true }).first().getByRole("link").click();
  await expect(page).toHaveURL(/\/variances\/[^/]+\/[^/]+$/);
  const [type, key] = decodeURIComponent(new URL(page.url()).pathname).split("/").slice(2);
  const written = async () => {
    const [row] = await sql<{ notes: number; audit: number }>(
      `SELECT (SELECT count(*)::int FROM variance_dashboard.variance_notes WHERE variance_type = $1 AND variance_key = $2) AS notes,
              (SELECT count(*)::int FROM variance_dashboard.audit_events) AS audit`,
      [type, key],
    );
    return row!;
  };

  // The app's own call, from the page: it works, and it is the call replayed below.
  const [call] = await Promise.all([
    page.waitForRequest(
      (request) =>
        request.method() === "POST" &&
        !!request.headers()["next-action"] &&
        !!request.postData()?.includes("Origin probe from the page"),
    ),
    page
      .getByLabel("Add a note")
      .fill("Origin probe from the page")
      .then(() => page.getByRole("button", { name: "Add note" }).click()),
  ]);
  await expect(page.getByTestId("activity-timeline")).toContainText("Origin probe from the page");
  const headers = await call.allHeaders();
  expect(headers.origin).toBe(new URL(page.url()).origin);
  const before = await written();

  const replay = (note: string, origin?: string) =>
    page.request.post(call.url(), {
      headers: {
        "next-action": headers["next-action"]!,
        "content-type": headers["content-type"]!,
        accept: "text/x-component",
        ...(origin ? { origin } : {}),
      },
      data: call.postData()!.replace("Origin probe from the page", note),
    });

  for (const [note, origin] of [
    ["No origin", undefined],
    ["Forged origin", "https://evil.example"],
  ] as const) {
    const refused = await replay(note, origin);
    expect(refused.status()).toBe(403);
    expect(refused.headers()["content-type"]).toMatch(/^text\/plain/);
    expect(await refused.text()).toMatch(/^Refused: .*Origin/);
  }
  expect(await written()).toEqual(before);

  const genuine = await replay("Same origin replay", new URL(page.url()).origin);
  expect(genuine.status()).toBe(200);
  expect((await written()).notes).toBe(before.notes + 1);
});

test("the session cookie has its own name, is HttpOnly and SameSite, lasts 8 hours and slides with use", async ({
  page,
}) => {
  await signIn(page, "manager");
  const sessionCookie = async () =>
    (await page.context().cookies()).find((cookie) => cookie.name === "variance-dashboard.session-token");
  const first = await sessionCookie();
  expect(first).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  const hoursLeft = (first!.expires * 1000 - Date.now()) / 3_600_000;
  expect(hoursLeft).toBeGreaterThan(7.9);
  expect(hoursLeft).toBeLessThan(8.1);
  expect((await page.context().cookies()).map((cookie) => cookie.name)).not.toContain("session");
  await page.waitForTimeout(1500);
  await page.goto("/variances");
  expect((await sessionCookie())!.expires).toBeGreaterThan(first!.expires);
});
