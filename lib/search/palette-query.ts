import { z } from "zod";

/** Longest search text the palette sends: a hostname fragment or a name, never a document. */
export const PALETTE_QUERY_MAX_LENGTH = 100;

/** Results per group (variances, devices, organisations, pages): the palette is for jumping, not browsing. */
export const PALETTE_GROUP_LIMIT = 8;

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

/** A page of the app the palette can open: the sections of the navigation the actor may see. */
export interface PalettePage {
  href: string;
  label: string;
}

/** One thing the palette can open. */
export interface PaletteItem {
  /** Unique within its group. */
  id: string;
  label: string;
  /** A second line: what it is, where it belongs. */
  detail: string;
  href: string;
}

export interface PaletteResults {
  q: string;
  variances: PaletteItem[];
  devices: PaletteItem[];
  organizations: PaletteItem[];
  pages: PaletteItem[];
}
