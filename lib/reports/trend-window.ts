import { z } from "zod";

/** The trend windows a manager can choose, in days; the URL holds the choice (`?window=`). */
export const TREND_WINDOWS = [30, 90, 365] as const;
export type TrendWindow = (typeof TREND_WINDOWS)[number];
export const DEFAULT_TREND_WINDOW: TrendWindow = 90;

// A hand-edited or stale value falls back to the default instead of failing the page.
const overviewSearchSchema = z.object({
  window: z.coerce.number().pipe(z.literal(TREND_WINDOWS)).default(DEFAULT_TREND_WINDOW).catch(DEFAULT_TREND_WINDOW),
});

export function parseOverviewSearch(searchParams: Record<string, string | string[] | undefined>): {
  window: TrendWindow;
} {
  const window = searchParams.window;
  return overviewSearchSchema.parse({ window: Array.isArray(window) ? window[0] : window });
}

/** The overview's URL for a window, leaving out the default so the plain `/` stays the default view. */
export const overviewHref = (window: TrendWindow) => (window === DEFAULT_TREND_WINDOW ? "/" : `/?window=${window}`);
