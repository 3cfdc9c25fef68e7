import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3107);
/** A local OpenID Connect server stands in for Microsoft Entra ID (tests/e2e/entra-sign-in.spec.ts starts it). */
export const OIDC_ISSUER_PORT = port + 1;
// Debian's chromium here (Playwright cannot download its own); elsewhere Playwright's.
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
// Overridable so that two checkouts or agents can run their e2e suites side by side.
export const E2E_DATA_DIR = process.env.E2E_DATA_DIR ?? ".data/e2e";

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  // A loaded CI machine renders a cold page in more than the default 5 s.
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    // The production build on a fresh embedded demo database, exactly as `npm start` serves it.
    command: `rm -rf ${E2E_DATA_DIR} && node --import tsx scripts/start.ts`,
    env: {
      PORT: String(port),
      VD_DATA_DIR: E2E_DATA_DIR,
      DATABASE_URL: "",
      AUTH_SECRET: "",
      AUTH_MICROSOFT_ENTRA_ID_ID: "variance-dashboard-e2e",
      AUTH_MICROSOFT_ENTRA_ID_SECRET: "not-a-real-secret",
      AUTH_MICROSOFT_ENTRA_ID_ISSUER: `http://localhost:${OIDC_ISSUER_PORT}`,
      VD_ENTRA_ROLE_MAP: "technician=VarianceDashboard.Technician",
      // Tests add and delete upstream rows and compare the pages with SQL at once; the
      // seconds-long trust of a fresh fingerprint (recheck-memo.ts) has its own tests.
      VD_ROLLUP_RECHECK_MS: "0",
    },
    url: `http://localhost:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 300_000,
    stdout: "pipe",
  },
});
