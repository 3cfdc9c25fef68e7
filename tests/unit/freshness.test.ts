import { describe, expect, it } from "vitest";
import type { VendorDayCount } from "@/lib/inventory/vendor-day-counts";
import { freshnessOf, latestMatchingDate, vendorStatuses } from "@/lib/report-date/freshness";

const vendors = ["Ninja", "ThreatLocker"];
const day = (date: string, ninja: number, threatlocker: number): VendorDayCount[] => [
  ...(ninja ? [{ date, vendor: "Ninja", devices: ninja }] : []),
  ...(threatlocker ? [{ date, vendor: "ThreatLocker", devices: threatlocker }] : []),
];

describe("latestMatchingDate", () => {
  it("is the newest date on which both vendors have rows", () => {
    expect(latestMatchingDate([...day("2026-11-20", 700, 400), ...day("2026-11-21", 710, 405)], vendors)).toBe(
      "2026-11-21",
    );
  });

  it("skips a newest date where one vendor has no rows yet", () => {
    expect(latestMatchingDate([...day("2026-11-20", 700, 400), ...day("2026-11-21", 710, 0)], vendors)).toBe(
      "2026-11-20",
    );
  });

  it("looks back at most 7 days from the newest data", () => {
    const counts = [...day("2026-11-10", 700, 400), ...day("2026-11-18", 700, 0)];
    expect(latestMatchingDate(counts, vendors)).toBeNull();
    expect(latestMatchingDate([...day("2026-11-11", 700, 400), ...day("2026-11-18", 700, 0)], vendors)).toBe(
      "2026-11-11",
    );
  });

  it("is null without data", () => {
    expect(latestMatchingDate([], vendors)).toBeNull();
  });
});

describe("freshnessOf", () => {
  it("is current up to one day old, stale after, out of sync without a matching date", () => {
    expect(freshnessOf("2026-11-25", "2026-11-25")).toBe("current");
    expect(freshnessOf("2026-11-24", "2026-11-25")).toBe("current");
    expect(freshnessOf("2026-11-23", "2026-11-25")).toBe("stale");
    expect(freshnessOf(null, "2026-11-25")).toBe("out_of_sync");
  });
});

describe("vendorStatuses", () => {
  it("flags a vendor that fell under half of its previous date", () => {
    const [ninja, threatlocker] = vendorStatuses(
      [...day("2026-11-20", 700, 400), ...day("2026-11-21", 690, 150)],
      vendors,
    );
    expect(ninja).toMatchObject({
      latestDate: "2026-11-21",
      devices: 690,
      countDropped: false,
      missingOnNewestDate: false,
    });
    expect(threatlocker).toMatchObject({
      latestDate: "2026-11-21",
      devices: 150,
      previousDevices: 400,
      countDropped: true,
    });
  });

  it("does not flag a drop to exactly half", () => {
    const [, threatlocker] = vendorStatuses([...day("2026-11-20", 700, 400), ...day("2026-11-21", 700, 200)], vendors);
    expect(threatlocker!.countDropped).toBe(false);
  });

  it("flags a vendor with no rows on the newest date", () => {
    const [, threatlocker] = vendorStatuses([...day("2026-11-20", 700, 400), ...day("2026-11-21", 700, 0)], vendors);
    expect(threatlocker).toMatchObject({ latestDate: "2026-11-20", missingOnNewestDate: true });
  });
});
