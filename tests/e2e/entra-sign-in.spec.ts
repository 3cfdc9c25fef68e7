import { expect, type Page, test } from "@playwright/test";
import { type MutableToken, OAuth2Server } from "oauth2-mock-server";
import { OIDC_ISSUER_PORT } from "../../playwright.config";
import { sql } from "./support";

// Who the stand-in for Entra ID says is signing in; each test sets it before clicking.
let identity: Record<string, unknown> = {};
const server = new OAuth2Server();

test.beforeAll(async () => {
  await server.issuer.keys.generate("RS256");
  server.service.on("beforeTokenSigning", (token: MutableToken) => Object.assign(token.payload, identity));
  await server.start(OIDC_ISSUER_PORT, "localhost");
});
test.afterAll(() => server.stop());

async function signInWithMicrosoft(page: Page, claims: Record<string, unknown>) {
  identity = claims;
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in with Microsoft" }).click();
  // Three redirects (dashboard → issuer → callback) and, on a cold server, the issuer's discovery document.
  await page.waitForURL(
    (url) =>
      url.port !== String(OIDC_ISSUER_PORT) && !url.pathname.startsWith("/api/auth/") && url.pathname !== "/login",
    { timeout: 30_000 },
  );
}

const user = (email: string) =>
  sql<{ role: string; sso_subject: string | null }>(
    "SELECT role, sso_subject FROM variance_dashboard.users WHERE email = $1",
    [email],
  );

test("an invited manager signs in with Entra ID and gets the role the admin gave them", async ({ page }) => {
  await sql(
    "INSERT INTO variance_dashboard.users (email, name, role) VALUES ('mona.manager@example.com', 'Mona Manager', 'manager') ON CONFLICT DO NOTHING",
  );
  await signInWithMicrosoft(page, {
    sub: "sub-mona",
    oid: "oid-mona",
    email: "mona.manager@example.com",
    name: "Mona M.",
  });
  await expect(page.getByTestId("signed-in-as")).toContainText("Mona Manager · manager");
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  expect(await user("mona.manager@example.com")).toEqual([{ role: "manager", sso_subject: "oid-mona" }]);
});

test("a person with a mapped Entra app role gets an account with that role", async ({ page }) => {
  await signInWithMicrosoft(page, {
    sub: "sub-tom",
    oid: "oid-tom",
    email: "tom.tech@example.com",
    name: "Tom Tech",
    roles: ["VarianceDashboard.Technician"],
  });
  await expect(page.getByTestId("signed-in-as")).toContainText("Tom Tech · technician");
  expect(await user("tom.tech@example.com")).toEqual([{ role: "technician", sso_subject: "oid-tom" }]);
});

test("an unknown address is refused with a page that says why, and the attempt is recorded", async ({ page }) => {
  await signInWithMicrosoft(page, { sub: "sub-eve", oid: "oid-eve", email: "eve@example.com", name: "Eve" });
  await expect(page).toHaveURL(/\/login\/refused\?reason=unknown_account/);
  await expect(page.getByTestId("refusal-reason")).toHaveText(/not on this dashboard's list of users/);
  expect(await user("eve@example.com")).toEqual([]);
  const events = await sql(
    "SELECT details FROM variance_dashboard.audit_events WHERE action = 'auth.sign_in_refused' AND actor_email = 'eve@example.com'",
  );
  expect(events).toEqual([{ details: { method: "entra", reason: "unknown_account" } }]);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});

test("a user disabled after signing in loses access on the next request", async ({ page }) => {
  await sql(
    "INSERT INTO variance_dashboard.users (email, name, role) VALUES ('dan.leaver@example.com', 'Dan Leaver', 'technician') ON CONFLICT DO NOTHING",
  );
  await signInWithMicrosoft(page, { sub: "sub-dan", oid: "oid-dan", email: "dan.leaver@example.com", name: "Dan" });
  await expect(page.getByTestId("signed-in-as")).toContainText("Dan Leaver");
  await sql("UPDATE variance_dashboard.users SET disabled_at = now() WHERE email = 'dan.leaver@example.com'");
  await page.goto("/variances");
  await expect(page).toHaveURL(/\/login/);
  expect((await page.request.get("/api/exceptions")).status()).toBe(401);
});
