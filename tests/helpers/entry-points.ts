import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Database } from "@/lib/db/prisma";

/**
 * Every server action (an export of a "use server" file) and route handler under app/, found
 * in the source, as "file#export".
 */
export function entryPointsInCode(): string[] {
  const files = (readdirSync("app", { recursive: true }) as string[])
    .map((file) => path.join("app", file))
    .filter((file) => /\.tsx?$/.test(file));
  return files.flatMap((file) => {
    const source = readFileSync(file, "utf8");
    const exported = [...source.matchAll(/export\s+(?:async\s+)?(?:function|const|let)\s+(\w+)/g)].map(
      (match) => match[1]!,
    );
    const destructured = [...source.matchAll(/export\s+const\s*\{([^}]+)\}/g)].flatMap((match) =>
      match[1]!.split(",").map((name) => name.trim()),
    );
    const names = [...exported, ...destructured];
    if (/^\s*["']use server["']/.test(source)) return names.map((name) => `${file}#${name}`);
    if (path.basename(file) === "route.ts")
      return names.filter((name) => /^(GET|POST|PUT|PATCH|DELETE)$/.test(name)).map((name) => `${file}#${name}`);
    return [];
  });
}

export type EntryPoint = (...args: unknown[]) => Promise<unknown>;

export async function loadEntryPoint(name: string): Promise<EntryPoint> {
  const [file, exportName] = name.split("#") as [string, string];
  const module = (await import(/* @vite-ignore */ path.resolve(file))) as Record<string, EntryPoint>;
  return module[exportName]!;
}

/** A request to a route handler's own path, as the app would receive it. */
export const routeRequest = (name: string, query = "") =>
  new Request(
    `http://localhost/${name
      .split("#")[0]!
      .replace(/^app\//, "")
      .replace(/\/route\.ts$/, "")}${query}`,
  );

/**
 * Whose session the entry points see, and which database getPrisma() returns. Test files
 * route `@/lib/auth/auth` and `@/lib/db/prisma` here with vi.mock; everything after the
 * session — re-reading the account, each command's permission check — runs for real.
 */
export const session = { userId: null as string | null, db: null as Database | null };

export const authModuleMock = {
  auth: async () => (session.userId ? { user: { id: session.userId }, signedInAt: Date.now() } : null),
  signIn: async () => {},
  signOut: async () => {},
  handlers: {},
  ENTRA_PROVIDER_ID: "microsoft-entra-id",
};

export const currentDatabase = () => session.db;

/** How an entry point answered: "ok", "refused" (forbidden / 401 / 403), or what else went wrong. */
export async function outcomeOf(call: Promise<unknown>): Promise<string> {
  const result = await call;
  if (result instanceof Response) {
    await result.body?.cancel();
    return result.status === 200
      ? "ok"
      : result.status === 401 || result.status === 403
        ? "refused"
        : `HTTP ${result.status}`;
  }
  const { serverError, validationErrors } = (result ?? {}) as {
    serverError?: { code: string; message: string };
    validationErrors?: unknown;
  };
  if (serverError) return serverError.code === "forbidden" ? "refused" : `${serverError.code}: ${serverError.message}`;
  return validationErrors ? `invalid: ${JSON.stringify(validationErrors)}` : "ok";
}
