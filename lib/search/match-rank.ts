/**
 * How well a search text matches a result, for the command palette's ranking: an exact match
 * (ignoring case) beats one that starts with it, which beats one that merely contains it.
 * Free of server code: the browser ranks the pages it lists with it too.
 */
export const MATCH_TIERS = ["exact", "prefix", "contains"] as const;
export type MatchTier = (typeof MATCH_TIERS)[number];

/** The best tier any of `candidates` reaches for `needle`, or null when none contains it. */
export function matchTier(needle: string, candidates: readonly (string | null | undefined)[]): MatchTier | null {
  const wanted = needle.trim().toLowerCase();
  if (!wanted) return null;
  let best: MatchTier | null = null;
  for (const candidate of candidates) {
    const text = candidate?.toLowerCase();
    if (!text) continue;
    if (text === wanted) return "exact";
    if (text.startsWith(wanted)) best = "prefix";
    else if (best === null && text.includes(wanted)) best = "contains";
  }
  return best;
}

/** The better of two tiers; null only when both are. */
export function bestTier(a: MatchTier | null, b: MatchTier | null): MatchTier | null {
  if (a === null || b === null) return a ?? b;
  return MATCH_TIERS.indexOf(a) <= MATCH_TIERS.indexOf(b) ? a : b;
}

export interface Ranked<T> {
  item: T;
  tier: MatchTier;
}

/**
 * The items that match, best tier first; within a tier, `compare` decides (then their order in
 * `items`, as the sort is stable). At most `limit` are kept.
 */
export function rankMatches<T>(
  items: readonly T[],
  tierOf: (item: T) => MatchTier | null,
  compare: (a: T, b: T) => number,
  limit: number,
): Ranked<T>[] {
  const ranked: Ranked<T>[] = [];
  for (const item of items) {
    const tier = tierOf(item);
    if (tier) ranked.push({ item, tier });
  }
  return ranked
    .sort((a, b) => MATCH_TIERS.indexOf(a.tier) - MATCH_TIERS.indexOf(b.tier) || compare(a.item, b.item))
    .slice(0, limit);
}
