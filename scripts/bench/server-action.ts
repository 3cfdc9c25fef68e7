import { readFileSync } from "node:fs";
import path from "node:path";
import type { LoadStep } from "./load";

const root = path.resolve(import.meta.dirname, "../..");

/** A server action's id in the production build, as the browser sends it in `Next-Action`. */
export function serverActionId(file: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.join(root, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const id = Object.entries(manifest.node).find(
    ([, entry]) => entry.filename === file && entry.exportedName === exportedName,
  )?.[0];
  if (!id) throw new Error(`no server action ${exportedName} in ${file} in the build`);
  return id;
}

/**
 * Requests calling a server action as React does for a plain object argument, from the page
 * the browser would be on: the arguments JSON-encoded, answered with an RSC payload holding
 * the action's result (and the page re-rendered when the action revalidates it).
 */
export function serverActionStep(
  origin: string,
  actionId: string,
  call: () => { pagePath: string; input: unknown },
): LoadStep {
  return {
    method: "POST",
    path: "/",
    headers: serverActionHeaders(origin, actionId),
    prepare: () => {
      const { pagePath, input } = call();
      return { path: pagePath, body: JSON.stringify([input]) };
    },
    refusal: actionRefusal,
  };
}

export const serverActionHeaders = (origin: string, actionId: string) => ({
  "next-action": actionId,
  "content-type": "text/plain;charset=UTF-8",
  accept: "text/x-component",
  origin,
});

/** next-safe-action answers refusals with a 200 whose result holds `serverError` or `validationErrors`. */
export function actionRefusal(body: string): string | null {
  const match = /"(serverError|validationErrors)":(.{0,200})/.exec(body);
  return match ? `${match[1]}: ${match[2]}` : null;
}
