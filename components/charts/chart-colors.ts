import type { Color } from "@tremor/react";

/**
 * Chart colours, all from the palette app/globals.css generates Tremor's classes for. A
 * legend swatch uses the same shade (500) Tremor draws lines, areas and bars with.
 */
export const VENDOR_COLORS: Record<string, Color> = { Ninja: "blue", ThreatLocker: "emerald" };

/** Marks a failed collection on a trend: a colour no series uses. */
export const FAILURE_COLOR: Color = "rose";

const TYPE_COLORS: Record<string, Color> = {
  MISSING_NINJA: "amber",
  DUPLICATE_TL: "violet",
  SITE_MISMATCH: "cyan",
  SPARE_MISMATCH: "orange",
  DISPLAY_NAME_MISMATCH: "sky",
};

export const typeColor = (type: string): Color => TYPE_COLORS[type] ?? "slate";

/** The swatch class for a colour: literal strings, so Tailwind generates them. */
export const SWATCH_CLASS: Partial<Record<Color, string>> = {
  blue: "bg-blue-500",
  emerald: "bg-emerald-500",
  rose: "bg-rose-500",
  amber: "bg-amber-500",
  violet: "bg-violet-500",
  cyan: "bg-cyan-500",
  orange: "bg-orange-500",
  sky: "bg-sky-500",
  slate: "bg-slate-500",
};
