import { randomBytes } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { ensureLoginRole, grantLeastPrivilege } from "@/lib/db/least-privilege";
import { withClient } from "@/lib/db/with-client";
import { devicePath } from "@/lib/inventory/device-path";
import { variancePath } from "@/lib/variances/variance-key";
import { rebuildUpstreamAs, type UpstreamVariant } from "../helpers/upstream-schema-variants";
import { newAuthSecret, ownDemoDatabase, type SpawnedServer, spawnStartScript, waitForHealth } from "./spawned-server";
import { signInWith } from "./support";

/*
 * The production app, started as an operator starts it (DATABASE_URL, the least-privilege role
 * granted by db:grant's code), on the two upstream schemas written by hand from the references
 * (tests/upstream-schemas/): every page and API route answers 200 signed in as an admin, with
 * no error boundary shown and no permission error logged. The demo data is copied into them.
 */

const SECTION_FAILED = "give your administrator this reference";

async function expectPage(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await expect(page.getByTestId("signed-in-as")).toBeAttached();
  await page.waitForLoadState("networkidle");
  await expect(page.getByText(SECTION_FAILED), path).toHaveCount(0);
  await expect(page.getByText("Application error"), path).toHaveCount(0);
}

for (const variant of ["minimal", "maximal"] as const satisfies UpstreamVariant[]) {
  test(`every page and API route answers on the ${variant} upstream schema`, async ({ browser }) => {
    test.setTimeout(420_000);
    const demo = await ownDemoDatabase(`schema-${variant}`);
    const admin = demo.accounts.find((account) => account.role === "admin")!;
    const role = `vd_schema_${randomBytes(4).toString("hex")}`;
    const password = randomBytes(12).toString("hex");
    const { spare } = await withClient(demo.url, async (client) => {
      await rebuildUpstreamAs(client, variant);
      await ensureLoginRole(client, role, password);
      await grantLeastPrivilege(client, role);
      const { rows } = await client.query<{ key: string }>(
        `SELECT lower(split_part(split_part(hostname, '|', 1), '.', 1)) AS key FROM exceptions
          WHERE type = 'SPARE_MISMATCH' AND date_found = (SELECT max(date_found) FROM exceptions) ORDER BY key LIMIT 1`,
      );
      return { spare: rows[0]!.key };
    });
    const appUrl = new URL(demo.url);
    appUrl.username = role;
    appUrl.password = password;

    let server: SpawnedServer | undefined;
    try {
      server = await spawnStartScript({ DATABASE_URL: appUrl.toString(), AUTH_SECRET: newAuthSecret() });
      await waitForHealth(server, 200, 300_000);
      const context = await browser.newContext({ baseURL: server.baseUrl });
      const page = await context.newPage();
      await signInWith(page, admin.email, admin.password);

      for (const path of [
        "/",
        "/?window=365",
        "/variances",
        "/variances?status=all",
        "/team",
        "/organizations",
        "/devices",
        `/devices?q=${spare.slice(0, 3)}`,
        "/admin/users",
        "/admin/audit",
      ]) {
        await expectPage(page, path);
      }
      await expectPage(page, variancePath({ type: "SPARE_MISMATCH", key: spare }));
      await expectPage(page, devicePath(spare));
      // Hardware columns the minimal schema lacks are "not collected"; the location comes from the Ninja site.
      const ninja = page.getByTestId("vendor-Ninja");
      const ninjaRows = await ninja.getByTestId("vendor-row").count();
      expect(ninjaRows).toBeGreaterThan(0);
      // TPM, Secure Boot and Windows 11 readiness, on each Ninja row.
      await expect(ninja.getByText("not collected")).toHaveCount(variant === "minimal" ? 3 * ninjaRows : 0);
      await expect(
        ninja.locator("dt", { hasText: "Site / location" }).locator("xpath=following-sibling::dd[1]"),
      ).not.toHaveText("—");

      await page.goto("/organizations");
      const organization = await page.locator('a[href^="/organizations/"]').first().getAttribute("href");
      await expectPage(page, organization!);

      for (const path of [
        "/api/health",
        "/api/exceptions",
        "/api/exceptions?resolved=false&limit=5",
        "/api/exceptions/stats",
        "/api/devices/summary",
        "/api/variances/export?format=csv",
        "/api/variances/export?format=xlsx",
      ]) {
        const response = await context.request.get(path);
        expect(response.status(), path).toBe(200);
      }
      expect(server.output()).not.toMatch(/permission denied|column .* does not exist|Error:/i);
      await context.close();
    } finally {
      await server?.kill();
      // The role lives and dies with this test's own cluster.
      await demo.cluster.stop().catch(() => {});
    }
  });
}
