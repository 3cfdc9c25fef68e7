import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { expect, type Page } from "@playwright/test";
import type { DemoAccount } from "@/lib/demo/demo-accounts";
import type { Role } from "@/lib/auth/roles";

const dataDir = path.resolve(process.env.VD_DATA_DIR ?? ".data/e2e");
const readJson = <T>(file: string) => JSON.parse(readFileSync(path.join(dataDir, file), "utf8")) as T;

export function demoAccount(role: Role): DemoAccount {
  const account = readJson<{ accounts: DemoAccount[] }>("demo-secrets.json").accounts.find((candidate) => candidate.role === role);
  if (!account) throw new Error(`no demo account for ${role}`);
  return account;
}

/** Runs one query against the database the server under test is using. */
export async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client(readJson<{ databaseUrl: string }>("demo-runtime.json").databaseUrl);
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

export async function signIn(page: Page, role: Role) {
  const account = demoAccount(role);
  await page.goto("/login");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toContainText(account.name);
  return account;
}

/** Opens a queue page and waits until its shortcuts, selection and forms are live (hydrated). */
export async function openQueue(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator("[data-ready]")).toBeAttached();
}
