import { expect, test } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { sessionCookieName } from "@/lib/auth/session-settings";
import { type EmbeddedCluster, freePort, startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { withClient } from "@/lib/db/with-client";
import {
  healthStatus,
  newAuthSecret,
  ownDemoDatabase,
  type SpawnedServer,
  spawnStartScript,
  waitForHealth,
} from "./spawned-server";
import { expectAccessible } from "./support";

const RETRYING = "Database unreachable — retrying";

/**
 * The app started before its database (a reboot where PostgreSQL comes up late): it serves
 * a retrying page and a 503 health check, then recovers by itself, without a restart,
 * within 5 s of the database accepting connections.
 */
test("starting with the database unreachable serves a retrying page, then recovers on its own", async ({ browser }) => {
  test.setTimeout(180_000);
  // The database the app will find later: the demo data, then stopped and moved to a fixed
  // port where nothing listens yet (as if PostgreSQL had not started).
  const demo = await ownDemoDatabase("unreachable-start");
  const technician = demo.accounts.find((account) => account.role === "technician")!;
  const userId = await withClient(
    demo.url,
    async (client) =>
      (
        await client.query<{ id: string }>("SELECT id FROM variance_dashboard.users WHERE email = $1", [
          technician.email,
        ])
      ).rows[0]!.id,
  );
  await demo.cluster.stop();
  const databasePort = await freePort();
  const databaseUrl = new URL(demo.url);
  databaseUrl.port = String(databasePort);

  const authSecret = newAuthSecret();
  let server: SpawnedServer | undefined;
  let cluster: EmbeddedCluster | undefined;
  try {
    server = await spawnStartScript({ DATABASE_URL: databaseUrl.toString(), AUTH_SECRET: authSecret });
    await waitForHealth(server, 503);
    expect(server.output()).toMatch(
      /Cannot reach the database server at 127\.0\.0\.1:\d+ \(ECONNREFUSED\)[\s\S]*database unreachable — retrying/,
    );

    // A technician whose session began before the outage (the cookie the app would have set).
    const context = await browser.newContext({ baseURL: server.baseUrl });
    const cookieName = sessionCookieName("");
    const token = await encode({
      token: { sub: userId, email: technician.email, name: technician.name, signedInAt: Date.now() },
      secret: authSecret,
      salt: cookieName,
    });
    await context.addCookies([
      { name: cookieName, value: token, url: server.baseUrl, httpOnly: true, sameSite: "Lax" },
    ]);

    const page = await context.newPage();
    // The status is decided before the page renders: 503 with a retry hint, not 200 with an error page.
    const answer = (await page.goto("/variances"))!;
    expect(answer.status()).toBe(503);
    expect(answer.headers()["retry-after"]).toBe("5");
    await expect(page.getByRole("heading", { name: RETRYING })).toBeVisible();
    await expect(
      page.getByText(/check that PostgreSQL is running and reachable at the host and port in DATABASE_URL/),
    ).toBeVisible();
    await expect(page.getByText("Application error")).toHaveCount(0);
    await expect(page.locator("body")).not.toContainText(/\bat \S+ \(.*:\d+:\d+\)/);
    await expectAccessible(page);
    // The API says so with a status a client can retry on, not a 500.
    expect((await context.request.get("/api/exceptions")).status()).toBe(503);

    // The sign-in page answers too, signed in (the account cannot be read) or not.
    const signedInLogin = await context.newPage();
    expect((await signedInLogin.goto("/login"))!.status()).toBe(200);
    await expect(signedInLogin.getByRole("heading", { name: RETRYING })).toBeVisible();
    await signedInLogin.close();
    const anonymous = await browser.newPage({ baseURL: server.baseUrl });
    expect((await anonymous.goto("/login"))!.status()).toBe(200);
    await expect(anonymous.getByRole("heading", { name: RETRYING })).toBeVisible();
    // Signing in then says why it cannot work, not "wrong password".
    await anonymous.getByLabel("Email").fill(technician.email);
    await anonymous.getByLabel("Password").fill(technician.password);
    await anonymous.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(
      anonymous.getByRole("alert").filter({ hasText: "The database is unreachable, so nobody can sign in right now." }),
    ).toBeVisible();
    await anonymous.close();
    expect(await healthStatus(server.baseUrl)).toBe(503);
    expect(server.process.exitCode).toBeNull();

    // PostgreSQL comes up: the health check and the open page recover without a restart.
    // The clock stops when the page, having seen the database answer, asks the server for
    // itself again; how long the page then takes to render is the machine's load (a warm
    // render of the queue alone took 5–9 s on a 2-core machine at load 13), so that part gets
    // a normal page timeout instead.
    const reloaded = page.waitForRequest(
      (request) => request.isNavigationRequest() && new URL(request.url()).pathname === "/variances",
      { timeout: 0 },
    );
    cluster = await startEmbeddedPostgres({ dataDir: demo.dataDir, password: demo.password, port: databasePort });
    const accepting = Date.now();
    // What is left of the 5 s (Playwright reads a timeout of 0 as "no limit").
    const left = () => Math.max(1, 5_000 - (Date.now() - accepting));
    await expect.poll(() => healthStatus(server!.baseUrl), { timeout: left(), intervals: [200] }).toBe(200);
    await Promise.race([
      reloaded,
      new Promise((_, reject) => setTimeout(() => reject(new Error("the page did not reload within 5 s")), left())),
    ]);
    expect(Date.now() - accepting, "recovered within 5 s of the database accepting connections").toBeLessThan(5_000);
    await expect(page.getByTestId("signed-in-as")).toBeAttached({ timeout: 30_000 });
    await expect(page.locator("[data-variance]").first()).toBeAttached({ timeout: 30_000 });
    await expect(page.getByRole("heading", { name: RETRYING })).toHaveCount(0);

    // start.ts ran its check and migrations once the database answered, and kept serving.
    await expect.poll(() => server!.output(), { timeout: 10_000 }).toMatch(/The database answers again: checks passed/);
    expect(server.process.exitCode).toBeNull();
    await context.close();
  } finally {
    await server?.kill();
    await cluster?.stop().catch(() => {});
  }
});
