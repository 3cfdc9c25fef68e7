import { describe, expect, it } from "vitest";
import { rollupRecheckMs } from "@/lib/rollups/recheck-memo";
import { datesToCheck, RECHECKED_DAYS } from "@/lib/rollups/rollup-refresh";

describe("datesToCheck", () => {
  const computed = new Set([
    "2026-11-01",
    "2026-11-02",
    "2026-11-03",
    "2026-11-04",
    "2026-11-05",
    "2026-11-06",
    "2026-11-07",
    "2026-11-08",
    "2026-11-09",
    "2026-11-10",
  ]);

  it("fingerprints the newest dates of the window even when computed, and leaves older computed dates settled", () => {
    expect(RECHECKED_DAYS).toBe(7);
    expect(datesToCheck("2026-11-01", "2026-11-10", computed, [])).toEqual([
      "2026-11-04",
      "2026-11-05",
      "2026-11-06",
      "2026-11-07",
      "2026-11-08",
      "2026-11-09",
      "2026-11-10",
    ]);
  });

  it("checks a settled date that got new rows, and any date never computed", () => {
    expect(datesToCheck("2026-10-30", "2026-11-10", computed, ["2026-11-02", "2026-12-01"])).toEqual([
      "2026-10-30",
      "2026-10-31",
      "2026-11-02",
      "2026-11-04",
      "2026-11-05",
      "2026-11-06",
      "2026-11-07",
      "2026-11-08",
      "2026-11-09",
      "2026-11-10",
    ]);
  });

  it("checks every date of a window shorter than the rechecked days", () => {
    expect(datesToCheck("2026-11-09", "2026-11-10", computed, [])).toEqual(["2026-11-09", "2026-11-10"]);
  });

  it("skips a newest date fingerprinted moments ago unless rows were inserted on it or it was never computed", () => {
    const trusted = new Set(["2026-11-08", "2026-11-09", "2026-11-10", "2026-11-11"]);
    expect(datesToCheck("2026-11-01", "2026-11-11", computed, ["2026-11-09"], trusted)).toEqual([
      "2026-11-05",
      "2026-11-06",
      "2026-11-07",
      "2026-11-09",
      "2026-11-11",
    ]);
  });
});

describe("rollupRecheckMs", () => {
  it("defaults to 5 s, takes 0 to fingerprint on every read, and refuses what is not a duration", () => {
    expect(rollupRecheckMs({})).toBe(5_000);
    expect(rollupRecheckMs({ VD_ROLLUP_RECHECK_MS: "0" })).toBe(0);
    expect(rollupRecheckMs({ VD_ROLLUP_RECHECK_MS: "1500" })).toBe(1_500);
    expect(() => rollupRecheckMs({ VD_ROLLUP_RECHECK_MS: "-1" })).toThrow(/0 or more/);
    expect(() => rollupRecheckMs({ VD_ROLLUP_RECHECK_MS: "soon" })).toThrow(/whole number/);
  });
});
