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

/** A page's search params as its schema reads them: the first value of a repeated parameter. */
export const singleValues = (searchParams: SearchParams) =>
  Object.fromEntries(
    Object.entries(searchParams).map(([name, value]) => [name, Array.isArray(value) ? value[0] : value]),
  );
