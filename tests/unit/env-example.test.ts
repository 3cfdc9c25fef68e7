import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** The variables `.env.example` sets when copied as it is to `.env.local` (comments and blanks ignored). */
function variablesSet(): Record<string, string> {
  const text = readFileSync(path.resolve(import.meta.dirname, "../../.env.example"), "utf8");
  return Object.fromEntries(
    text
      .split("\n")
      .filter((line) => /^[A-Z_][A-Z0-9_]*=/.test(line))
      .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
  );
}

describe(".env.example copied as it is to .env.local", () => {
  it("keeps the zero-setup demo: no database, secret, public URL or organisation list of its own", () => {
    const set = variablesSet();
    for (const name of [
      "DATABASE_URL",
      "MIGRATION_DATABASE_URL",
      "AUTH_SECRET",
      "AUTH_URL",
      "VD_ALLOWED_ORIGINS",
      "VD_INTERNAL_ORGANIZATIONS",
      "HOST",
    ]) {
      expect(set, name).not.toHaveProperty(name);
    }
  });

  it("sets only placeholders that match the defaults", () => {
    expect(variablesSet()).toEqual({
      VD_SESSION_HOURS: "8",
      VD_DB_POOL_MAX: "10",
      VD_DB_STATEMENT_TIMEOUT_MS: "15000",
      VD_DB_CONNECT_TIMEOUT_MS: "5000",
      VD_DB_TRANSACTION_WAIT_MS: "10000",
      VD_DB_TRANSACTION_TIMEOUT_MS: "30000",
      PORT: "3000",
    });
  });
});
