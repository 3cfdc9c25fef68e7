import { readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page } from "@playwright/test";
import type pg from "pg";
import type { Role } from "@/lib/access/roles";
import { withClient } from "@/lib/db/with-client";
import type { DemoAccount } from "@/lib/demo/demo-accounts";
import { E2E_DATA_DIR } from "../../playwright.config";

const dataDir = path.resolve(E2E_DATA_DIR);
const readJson = <T>(file: string) => JSON.parse(readFileSync(path.join(dataDir, file), "utf8")) as T;

/** The demo's account of a role; `nth` picks a colleague (the demo has two technicians). */
export function demoAccount(role: Role, nth = 0): DemoAccount {
  const account = readJson<{ accounts: DemoAccount[] }>("demo-secrets.json").accounts.filter(
    (candidate) => candidate.role === role,
  )[nth];
  if (!account) throw new Error(`no demo account for ${role}`);
  return account;
}

/** Runs one query against the database the server under test is using. */
export async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  return withClient(
    readJson<{ databaseUrl: string }>("demo-runtime.json").databaseUrl,
    async (client) => (await client.query<T>(text, values)).rows,
  );
}

/** Signs in through the local form and waits for the signed-in page. */
export async function signInWith(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  // Password hashing is deliberately slow, and more so on a busy machine.
  await expect(page.getByTestId("signed-in-as")).toBeAttached({ timeout: 20_000 });
}

export async function signIn(page: Page, role: Role) {
  const account = demoAccount(role);
  await signInWith(page, account.email, account.password);
  await expect(page.getByTestId("signed-in-as")).toContainText(account.name);
  return account;
}

/** Opens a queue page and waits until its shortcuts, selection and forms are live (hydrated). */
export async function openQueue(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator("[data-ready]")).toBeAttached();
}

/**
 * Asserts that axe finds no serious or critical violation on the page as it is now,
 * in light and in dark mode (the app follows the system scheme until toggled).
 */
export async function expectAccessible(page: Page) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).analyze();
    const blocking = violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map(
        (violation) =>
          `${colorScheme}: ${violation.id} (${violation.nodes.length}) ${violation.nodes[0]?.target.join(" ")}`,
      );
    expect(blocking).toEqual([]);
  }
}

/** The dialog's centre is within 10 % of the viewport's centre on both axes, and all of it is on screen. */
export async function expectCentred(page: Page, dialog: Locator) {
  await expect(dialog).toBeVisible();
  const box = (await dialog.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(Math.abs(box.x + box.width / 2 - viewport.width / 2)).toBeLessThanOrEqual(viewport.width * 0.1);
  expect(Math.abs(box.y + box.height / 2 - viewport.height / 2)).toBeLessThanOrEqual(viewport.height * 0.1);
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
}
