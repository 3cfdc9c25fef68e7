import { describe, expect, it } from "vitest";
import { formatterFor } from "@/lib/format";
import { negotiateLocale } from "@/lib/locale";

describe("negotiateLocale", () => {
  it("takes the most preferred locale Intl supports", () => {
    expect(negotiateLocale("de-DE,de;q=0.9")).toBe("de-DE");
    expect(negotiateLocale("fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5")).toBe("fr-CH");
  });

  it("orders ranges by q-value, keeping the header's order for equal values", () => {
    expect(negotiateLocale("en-GB;q=0.5,de-DE;q=0.8")).toBe("de-DE");
    expect(negotiateLocale("fr;q=0.7,it;q=0.7")).toBe("fr");
    expect(negotiateLocale("de;q=0,fr;q=0.1")).toBe("fr");
  });

  it("skips ranges Intl cannot use and settles on a locale it resolves", () => {
    expect(negotiateLocale("zz-ZZ,de;q=0.5")).toBe("de");
    expect(negotiateLocale("de-XX")).toBe("de");
  });

  it("falls back to en-US for a wildcard, garbage, a huge header or none", () => {
    for (const header of [
      "*",
      "",
      null,
      undefined,
      ";;;,,,=q",
      "de;q=abc",
      "12345-!!",
      "not a locale at all",
      `de,${"x".repeat(10_000)}`,
    ]) {
      expect(negotiateLocale(header)).toBe("en-US");
    }
  });
});

describe("formatterFor", () => {
  it("writes counts, decimals, changes and report dates in the locale", () => {
    const us = formatterFor("en-US");
    const de = formatterFor("de-DE");
    expect([us.count(1234567), de.count(1234567)]).toEqual(["1,234,567", "1.234.567"]);
    expect([us.decimal(2.25), de.decimal(2.25)]).toEqual(["2.3", "2,3"]);
    expect([-1234.5, 0, 3].map(de.change)).toEqual(["−1.234,5", "±0", "+3"]);
    expect([us.reportDate("2026-11-24"), de.reportDate("2026-11-24")]).toEqual(["Nov 24, 2026", "24.11.2026"]);
  });

  it("reuses one formatter per locale", () => {
    expect(formatterFor("de-DE")).toBe(formatterFor("de-DE"));
  });
});
