// What the palette's browser side shares with the server, free of zod so the header's bundle stays small.

/** Longest search text the palette sends: a hostname fragment or a name, never a document. */
export const PALETTE_QUERY_MAX_LENGTH = 100;

/** Results per group (variances, devices, organisations, pages): the palette is for jumping, not browsing. */
export const PALETTE_GROUP_LIMIT = 8;

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
