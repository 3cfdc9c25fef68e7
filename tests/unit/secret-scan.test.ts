import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findSecrets } from "@/lib/security/secret-scan";

describe("secret scan", () => {
  it("finds no credential in any file tracked by git", () => {
    const files = execFileSync("git", ["ls-files", "-z"], { encoding: "utf8" }).split("\0").filter(Boolean);
    expect(files.length).toBeGreaterThan(50);
    const findings = files
      .filter((file) => !/\.(png|ico|woff2?)$/.test(file))
      .flatMap((file) => findSecrets(file, readFileSync(file, "utf8")));
    expect(findings).toEqual([]);
  });

  it("flags a connection string with a real-looking password, and env secrets", () => {
    // Assembled here so that this file itself does not contain what it tests for.
    const at = "@";
    expect(
      findSecrets("lib/db.ts", `const url = "postgresql://app:Tr0ub4dor-3${at}db.internal:5432/es_inventory_hub";`),
    ).toEqual([{ path: "lib/db.ts", line: 1, what: "a connection string with a password" }]);
    expect(
      findSecrets("README.md", `\n  psql postgres://postgres:hunter2hunter2${at}10.0.0.5/es_inventory_hub`),
    ).toHaveLength(1);
    expect(findSecrets(".env.example", ["AUTH_SECRET", "q1w2e3r4t5y6u7i8o9p0"].join("="))).toEqual([
      { path: ".env.example", line: 1, what: "a value for AUTH_SECRET" },
    ]);
    expect(findSecrets(".env.production", ["AUTH_MICROSOFT_ENTRA_ID_SECRET", "abc~DEF.123"].join("="))).toHaveLength(1);
  });

  it("lets placeholders and interpolations through", () => {
    for (const text of [
      "DATABASE_URL=postgresql://variance_dashboard_app:CHANGE_ME@localhost:5432/es_inventory_hub",
      "postgresql://dash:not-a-real-password@db.example:5433/x",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: source text with an interpolation is the case tested.
      "`postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/db`",
      "postgresql://app:<password>@db:5432/es_inventory_hub",
      "postgresql://postgres:x@127.0.0.1:5432/db",
      "https://login.microsoftonline.com/<tenant>/v2.0",
    ]) {
      expect(findSecrets("any.ts", text)).toEqual([]);
    }
    expect(findSecrets(".env.example", "AUTH_SECRET=CHANGE_ME\nAUTH_MICROSOFT_ENTRA_ID_SECRET=")).toEqual([]);
  });
});
