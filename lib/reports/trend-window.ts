import { z } from "zod";
import { type SearchParams, singleValues } from "@/lib/url-params";

/** The trend windows a manager can choose, in days; the URL holds the choice (`?window=`). */
export const TREND_WINDOWS = [30, 90, 365] as const;
export type TrendWindow = (typeof TREND_WINDOWS)[number];
export const DEFAULT_TREND_WINDOW: TrendWindow = 90;

// A hand-edited or stale value falls back to the default instead of failing the page.
const overviewSearchSchema = z.object({
  window: z.coerce.number().pipe(z.literal(TREND_WINDOWS)).default(DEFAULT_TREND_WINDOW).catch(DEFAULT_TREND_WINDOW),
});

export const parseOverviewSearch = (searchParams: SearchParams): { window: TrendWindow } =>
  overviewSearchSchema.parse(singleValues(searchParams));

/** The overview's URL for a window, leaving out the default so the plain `/` stays the default view. */
export const overviewHref = (window: TrendWindow) => (window === DEFAULT_TREND_WINDOW ? "/" : `/?window=${window}`);
