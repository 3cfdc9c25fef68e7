import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * What a client component ("use client") imports ends up in the browser bundle. Reaching the
 * Prisma client, the environment schema or the logger from one breaks `next build` (Node-only
 * modules) or would ship server code to browsers; it happened once through a constant that
 * sat beside a SQL helper. Type-only imports are erased and do not count; a "use server" module
 * reaches the browser only as references to its actions, so the walk stops there.
 */
const root = path.resolve(import.meta.dirname, "../..");
const SERVER_ONLY = ["lib/db/", "lib/generated/", "lib/config/", "lib/logging/"];

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const resolveModule = (projectPath: string) =>
  [".ts", ".tsx", "/index.ts", "/index.tsx"]
    .map((ext) => projectPath + ext)
    .find((file) => existsSync(path.join(root, file)));

/** Project files a file imports for their values (not `import type`, not all-`type` specifiers). */
function valueImportsOf(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(path.join(root, file), "utf8"), ts.ScriptTarget.Latest);
  const specifiers = source.statements.flatMap((statement) => {
    if (!(ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement))) return [];
    if (!statement.moduleSpecifier || !ts.isStringLiteral(statement.moduleSpecifier)) return [];
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      const bindings = clause?.namedBindings;
      const allTypes =
        clause?.isTypeOnly ||
        (!clause?.name && bindings && ts.isNamedImports(bindings) && bindings.elements.every((e) => e.isTypeOnly));
      if (allTypes) return [];
    } else if (statement.isTypeOnly) return [];
    return [statement.moduleSpecifier.text];
  });
  return specifiers.flatMap((specifier) => {
    const target = specifier.startsWith("@/")
      ? specifier.slice(2)
      : specifier.startsWith(".")
        ? path.relative(root, path.resolve(path.dirname(path.join(root, file)), specifier))
        : null;
    const resolved = target && resolveModule(target);
    return resolved ? [resolved] : [];
  });
}

const directive = (file: string) =>
  /^\s*["'](use client|use server)["']/.exec(readFileSync(path.join(root, file), "utf8"))?.[1];

/** For each client component, the first server-only module it reaches, with the chain of imports. */
function serverOnlyReached(): string[] {
  const clientFiles = ["app", "components"]
    .flatMap((folder) => sourceFiles(path.join(root, folder)))
    .map((file) => path.relative(root, file))
    .filter((file) => directive(file) === "use client");
  return clientFiles.flatMap((start) => {
    const via = new Map<string, string | null>([[start, null]]);
    const queue = [start];
    while (queue.length > 0) {
      const file = queue.shift()!;
      if (SERVER_ONLY.some((prefix) => file.startsWith(prefix))) {
        const chain: string[] = [];
        for (let at: string | null = file; at; at = via.get(at) ?? null) chain.unshift(at);
        return [chain.join(" → ")];
      }
      if (file !== start && directive(file) === "use server") continue;
      for (const next of valueImportsOf(file))
        if (!via.has(next)) {
          via.set(next, file);
          queue.push(next);
        }
    }
    return [];
  });
}

describe("the browser bundle", () => {
  it("reaches no server-only module from any client component", () => {
    expect(serverOnlyReached()).toEqual([]);
  });
});
