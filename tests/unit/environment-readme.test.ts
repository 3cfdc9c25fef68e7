import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { environmentSchema, readEnvironment, VARIABLE_NAMES } from "@/lib/config/environment";

/** Read by the tests and their tooling only, never by the app: documented, but not in the app's schema. */
const TEST_ONLY = /^(TEST_|E2E_)|^CHROMIUM_PATH$/;

/**
 * README.md's configuration table: each row's variables (`A` / `B` in one cell, `_SECRET`
 * standing for the first name with its last part replaced) and the row's whole text.
 */
function readmeRows(): { names: string[]; text: string }[] {
  const readme = readFileSync(path.resolve(import.meta.dirname, "../../README.md"), "utf8");
  const section = readme.slice(
    readme.indexOf("## Configuration"),
    readme.indexOf("\n## ", readme.indexOf("## Configuration") + 1),
  );
  return section
    .split("\n")
    .filter((line) => line.startsWith("| `"))
    .map((line) => {
      const [first = ""] = line.split("|").slice(1);
      const written = [...first.matchAll(/`([A-Z_][A-Z0-9_]*)`/g)].map((match) => match[1]!);
      const full = written[0] ?? "";
      const names = written.map((name) =>
        name.startsWith("_") ? `${full.slice(0, full.lastIndexOf("_"))}${name}` : name,
      );
      return { names, text: line };
    });
}

describe("README.md's configuration table and the environment schema", () => {
  const rows = readmeRows();
  const documented = rows.flatMap((row) => row.names);

  it("list the same variables, apart from the tests' own", () => {
    expect(new Set(documented).size).toBe(documented.length);
    expect(documented.filter((name) => !TEST_ONLY.test(name)).sort()).toEqual([...VARIABLE_NAMES].sort());
  });

  it("give each default the schema declares in that variable's row", () => {
    const defaults = readEnvironment({});
    for (const name of VARIABLE_NAMES) {
      const value = defaults[name];
      if (typeof value !== "string" && typeof value !== "number") continue;
      const row = rows.find((candidate) => candidate.names.includes(name))!;
      expect(row.text, name).toContain(String(value));
    }
  });

  it("describe every variable in one line", () => {
    for (const name of VARIABLE_NAMES) {
      const { description } = environmentSchema.shape[name];
      expect(description, name).toMatch(/^[^\n]+$/);
    }
  });
});
