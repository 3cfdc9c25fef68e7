import { describe, expect, it } from "vitest";
import { parseScaleTier, SCALE_TIERS, tierDataDir } from "@/lib/demo/scale-tiers";
import { percentile } from "../../scripts/bench/load";

describe("scale tiers", () => {
  it("are named case-insensitively; no name is the default demo", () => {
    expect(parseScaleTier("m")).toBe("M");
    expect(parseScaleTier("L")).toBe("L");
    expect(parseScaleTier(undefined)).toBe("demo");
    expect(parseScaleTier("")).toBe("demo");
  });

  it("refuses an unknown tier, naming the ones there are", () => {
    expect(() => parseScaleTier("XL")).toThrow(/demo, M, L/);
  });

  it("size L as the issue asks: 25,000 devices per vendor, 1,000 organisations, a year", () => {
    expect(SCALE_TIERS.L).toEqual({
      ninjaDevices: 25_000,
      threatlockerDevices: 25_000,
      organizations: 1_000,
      days: 365,
    });
  });

  it("keep each tier's database apart from the demo's", () => {
    expect(tierDataDir(".data", "demo")).toBe(".data");
    expect(tierDataDir(".data", "M")).toBe(".data/tier-M");
  });
});

describe("bench percentiles", () => {
  it("take the nearest rank, so p95 of 1..100 is 95 and of 1..20 is 19", () => {
    const upTo = (n: number) => Array.from({ length: n }, (_, i) => n - i);
    expect(percentile(upTo(100), 95)).toBe(95);
    expect(percentile(upTo(20), 95)).toBe(19);
    expect(percentile(upTo(20), 50)).toBe(10);
    expect(percentile([7], 95)).toBe(7);
  });
});
