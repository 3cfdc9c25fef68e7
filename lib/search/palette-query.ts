import { z } from "zod";
import { PALETTE_QUERY_MAX_LENGTH } from "./palette-results";

/** `/api/search?q=`: the text, trimmed, non-empty, bounded, without control characters (PostgreSQL refuses NUL). */
export const paletteQuerySchema = z
  .object({
    q: z
      .string()
      .trim()
      .min(1, "type something to search for")
      .max(PALETTE_QUERY_MAX_LENGTH, `at most ${PALETTE_QUERY_MAX_LENGTH} characters`)
      .regex(/^[^\p{Cc}]*$/u, "no control characters"),
  })
  .strict();

export type PaletteQuery = z.infer<typeof paletteQuerySchema>;
