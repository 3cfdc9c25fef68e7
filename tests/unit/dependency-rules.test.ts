import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * The layering of lib/ (docs/architecture.md): each folder (or top-level file) is one module,
 * the modules form a graph without cycles, and nothing in lib/ reaches up into the pages
 * (app/) or their components. A cycle — two folders importing each other, directly or around
 * a loop — means an idea is split across folders that can then never change on their own.
 */
const root = path.resolve(import.meta.dirname, "../..");
const lib = path.join(root, "lib");

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Project paths (relative to the root, no extension) a file imports, statically or dynamically. */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
  return importedFiles.flatMap(({ fileName }) => {
    if (fileName.startsWith("@/")) return [fileName.slice(2)];
    if (fileName.startsWith(".")) return [path.relative(root, path.resolve(path.dirname(file), fileName))];
    return [];
  });
}

/** lib/variances/commands/x.ts → "variances"; lib/format.ts → "format". */
const moduleOf = (projectPath: string) => projectPath.split("/")[1]!.replace(/\.tsx?$/, "");

function libGraph() {
  const edges = new Map<string, Map<string, string>>(); // module → imported module → one file showing it
  const upward: string[] = [];
  for (const file of sourceFiles(lib)) {
    const from = path.relative(root, file);
    for (const target of importsOf(file)) {
      if (/^(app|components)\//.test(target)) upward.push(`${from} imports ${target}`);
      if (!target.startsWith("lib/") || target.startsWith("lib/generated/")) continue;
      const [a, b] = [moduleOf(from), moduleOf(target)];
      if (a === b) continue;
      if (!edges.has(a)) edges.set(a, new Map());
      if (!edges.get(a)!.has(b)) edges.get(a)!.set(b, `${from} → ${target}`);
    }
  }
  return { edges, upward };
}

/** Every cycle found by a depth-first walk, each described by the imports that close it. */
function cyclesOf(edges: Map<string, Map<string, string>>): string[] {
  const done = new Set<string>();
  const path: string[] = [];
  const cycles: string[] = [];
  const visit = (module: string) => {
    const at = path.indexOf(module);
    if (at >= 0) {
      const loop = [...path.slice(at), module];
      cycles.push(
        loop
          .slice(1)
          .map((to, index) => edges.get(loop[index]!)!.get(to)!)
          .join("; "),
      );
      return;
    }
    if (done.has(module)) return;
    path.push(module);
    for (const next of edges.get(module)?.keys() ?? []) visit(next);
    path.pop();
    done.add(module);
  };
  for (const module of edges.keys()) visit(module);
  return cycles;
}

describe("lib/ dependency rules", () => {
  const { edges, upward } = libGraph();

  it("has no cycle between its folders (two folders importing each other included)", () => {
    expect(cyclesOf(edges)).toEqual([]);
  });

  it("never imports a page or a component", () => {
    expect(upward).toEqual([]);
  });

  it("keeps lib/logging a leaf (lib/config at most), so that every module and script can log", () => {
    expect([...(edges.get("logging")?.keys() ?? [])].filter((module) => module !== "config")).toEqual([]);
  });

  it("sees the imports it judges (the rule is not vacuous)", () => {
    expect(edges.get("variances")?.has("db")).toBe(true);
    expect(cyclesOf(new Map([...edges, ["db", new Map([["variances", "db → variances"]])]]))).not.toEqual([]);
  });
});
