import { readFileSync } from "node:fs";
import path from "node:path";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { E2E_DATA_DIR } from "../../playwright.config";
import { newAuthSecret, type SpawnedServer, spawnStartScript, waitForHealth } from "./spawned-server";
import { demoAccount, expectAccessible, openQueue, signInWith } from "./support";

// The promise: a colleague's change shows within 2 s, without a reload.
const LIVE_WITHIN_MS = 2_000;
// Under the start script's 25 s kill bound: a stream holding the graceful stop would reach it.
const STOP_WITHIN_MS = 20_000;

/** A signed-in page for the first technician (A) or their colleague (B, the demo's second technician). */
async function signedInPage(browser: Browser, baseURL: string | undefined, technician: 0 | 1) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const account = demoAccount("technician", technician);
  await signInWith(page, account.email, account.password);
  return { page, account, close: () => context.close() };
}

/** The first open spare on A's queue: its id, hostname and page. */
async function openSpare(page: Page) {
  await openQueue(page, "/variances?type=SPARE_MISMATCH");
  const row = page.getByTestId("variance-row").filter({ visible: true }).first();
  const link = row.getByRole("link").first();
  return {
    variance: (await row.getAttribute("data-variance"))!,
    hostname: (await link.textContent())!.trim(),
    href: (await link.getAttribute("href"))!,
  };
}

/**
 * B watches the variance in a queue that keeps it when resolved, with its resolve dialog open;
 * A resolves it on its variance page. B's row turns resolved with A's name and the dialog warns,
 * within 2 s of A's command answering, in the same page (no reload).
 */
async function resolveWhileColleagueWatches(a: Page, b: Page, aName: string) {
  const spare = await openSpare(a);
  await openQueue(b, `/variances?type=SPARE_MISMATCH&status=all&q=${encodeURIComponent(spare.hostname)}`);
  const watched = b.locator(`[data-variance="${spare.variance}"]`).filter({ visible: true });
  await expect(watched).toContainText("Open");
  await b.evaluate(() => Object.assign(window, { livePageMarker: "not reloaded" }));
  await watched.focus();
  await b.keyboard.press("r");
  const dialog = b.getByRole("dialog", { name: `Resolve ${spare.hostname}` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId("changed-while-open")).toHaveCount(0);

  await a.goto(spare.href);
  await a.getByLabel("Resolution note").fill("Removed ThreatLocker from the spare.");
  const answered = a.waitForResponse((response) => !!response.request().headers()["next-action"]);
  await a.getByRole("button", { name: "Resolve", exact: true }).click();
  expect((await answered).ok()).toBe(true);

  await expect(dialog.getByTestId("changed-while-open")).toContainText(`Resolved by ${aName}`, {
    timeout: LIVE_WITHIN_MS,
  });
  await expect(watched.getByTestId("changed-by")).toHaveText(`Resolved by ${aName} · just now`, {
    timeout: LIVE_WITHIN_MS,
  });
  await expect(watched).toContainText("Resolved");
  await expect(b.getByTestId("live-announcement")).toContainText(`Resolved by ${aName}`);
  expect(await b.evaluate(() => (window as unknown as { livePageMarker?: string }).livePageMarker)).toBe(
    "not reloaded",
  );
}

test("a colleague's resolve shows on an open queue within 2 s, with their name, and warns an open dialog", async ({
  browser,
  baseURL,
}) => {
  // Two sign-ins (deliberately slow password hashing) and three page loads on a loaded machine.
  test.setTimeout(180_000);
  const a = await signedInPage(browser, baseURL, 0);
  const b = await signedInPage(browser, baseURL, 1);
  try {
    await resolveWhileColleagueWatches(a.page, b.page, a.account.name);
    // The warning in the open dialog (and the row's mark behind it), in light and dark.
    await expectAccessible(b.page);
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
});

test("the same across two app instances on one database; a stop with a stream open does not hang", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const { databaseUrl } = JSON.parse(readFileSync(path.resolve(E2E_DATA_DIR, "demo-runtime.json"), "utf8")) as {
    databaseUrl: string;
  };
  let second: SpawnedServer | undefined;
  const a = await signedInPage(browser, baseURL, 0);
  try {
    second = await spawnStartScript({ DATABASE_URL: databaseUrl, AUTH_SECRET: newAuthSecret() });
    await waitForHealth(second, 200);
    const b = await signedInPage(browser, second.baseUrl, 1);
    await resolveWhileColleagueWatches(a.page, b.page, a.account.name);

    // B's page still holds its event stream to the second instance: SIGTERM must end it, not wait for it.
    const started = Date.now();
    second.process.kill("SIGTERM");
    const code = await Promise.race([
      second.exited,
      new Promise<"hung">((resolve) => setTimeout(() => resolve("hung"), STOP_WITHIN_MS)),
    ]);
    expect(code, second.output()).toBe(0);
    expect(Date.now() - started).toBeLessThan(STOP_WITHIN_MS);
    expect(second.output()).not.toContain("did not stop within");
    await b.close();
  } finally {
    await a.close();
    await second?.kill();
  }
});
