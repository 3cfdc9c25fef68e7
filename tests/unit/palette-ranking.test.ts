import { describe, expect, it } from "vitest";
import { bestTier, matchTier, rankMatches } from "@/lib/search/match-rank";
import { paletteQuerySchema } from "@/lib/search/palette-query";
import { PALETTE_QUERY_MAX_LENGTH } from "@/lib/search/palette-results";

describe("matchTier", () => {
  it("ranks exact over prefix over contains, ignoring case, across candidates", () => {
    expect(matchTier("web01", ["WEB01"])).toBe("exact");
    expect(matchTier("web", ["laptop-web", "Web01"])).toBe("prefix");
    expect(matchTier("eb0", ["web01"])).toBe("contains");
    expect(matchTier("web01", ["web", "web01x", "web01"])).toBe("exact");
    expect(matchTier("zzz", ["web01", null, undefined, ""])).toBeNull();
  });

  it("matches nothing for blank text, and treats % and _ as plain characters", () => {
    expect(matchTier("   ", ["anything"])).toBeNull();
    expect(matchTier("%", ["web01"])).toBeNull();
    expect(matchTier("_", ["web01"])).toBeNull();
    expect(matchTier("b_0", ["web_01"])).toBe("contains");
  });

  it("bestTier keeps the better of two", () => {
    expect(bestTier(null, null)).toBeNull();
    expect(bestTier("contains", null)).toBe("contains");
    expect(bestTier(null, "prefix")).toBe("prefix");
    expect(bestTier("contains", "exact")).toBe("exact");
    expect(bestTier("prefix", "contains")).toBe("prefix");
  });
});

describe("rankMatches", () => {
  const names = ["xweb", "web-b", "nothing", "web", "web-a", "aweb"];
  const ranked = (limit: number, compare = (a: string, b: string) => a.localeCompare(b)) =>
    rankMatches(names, (name) => matchTier("web", [name]), compare, limit).map(({ item, tier }) => `${tier}:${item}`);

  it("drops what does not match and orders by tier, then the tie-break", () => {
    expect(ranked(10)).toEqual(["exact:web", "prefix:web-a", "prefix:web-b", "contains:aweb", "contains:xweb"]);
  });

  it("keeps the given order within a tier when the tie-break says equal, and caps the count", () => {
    expect(ranked(10, () => 0)).toEqual([
      "exact:web",
      "prefix:web-b",
      "prefix:web-a",
      "contains:xweb",
      "contains:aweb",
    ]);
    expect(ranked(2)).toEqual(["exact:web", "prefix:web-a"]);
  });
});

describe("the palette's query", () => {
  const parse = (query: unknown) => paletteQuerySchema.safeParse(query);

  it("accepts one character and a trimmed fragment up to the limit", () => {
    expect(parse({ q: "a" })).toMatchObject({ success: true, data: { q: "a" } });
    expect(parse({ q: "  web01  " })).toMatchObject({ success: true, data: { q: "web01" } });
    expect(parse({ q: "x".repeat(PALETTE_QUERY_MAX_LENGTH) }).success).toBe(true);
  });

  it("refuses blank, over-long (300 characters), control characters, other fields and non-text", () => {
    for (const query of [
      {},
      { q: "   " },
      { q: "x".repeat(300) },
      { q: "web\u0000" },
      { q: "web\n01" },
      { q: "web", limit: "1000" },
      { q: ["a", "b"] },
    ]) {
      expect(parse(query).success, JSON.stringify(query).slice(0, 40)).toBe(false);
    }
  });
});
