import { z } from "zod";

export type SearchParams = Record<string, string | string[] | undefined>;

/** Free text from the URL: trimmed, capped, and absent when empty. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => value || undefined);

/** The first value of a parameter that may be repeated: `?q=a&q=b` reads as "a". */
export const firstValue = (value: string | string[] | null | undefined): string | undefined =>
  (Array.isArray(value) ? value[0] : value) ?? undefined;

/** Search params as a schema reads them, from a page's props or a request's URL: each one's first value. */
export function singleValues(params: SearchParams | URLSearchParams): Record<string, string | undefined> {
  const entries: [string, string | string[] | null | undefined][] =
    params instanceof URLSearchParams
      ? [...params.keys()].map((name) => [name, params.get(name)])
      : Object.entries(params);
  return Object.fromEntries(entries.map(([name, value]) => [name, firstValue(value)]));
}
