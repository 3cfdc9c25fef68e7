import { describe, expect, it } from "vitest";
import { formatDuration, formatterFor } from "@/lib/format";
import type { VendorDayCount } from "@/lib/inventory/vendor-day-counts";
import { collectionFailures, trustworthyReportDates } from "@/lib/report-date/collection-failures";
import { median } from "@/lib/reports/median";
import { overviewHref, parseOverviewSearch } from "@/lib/reports/trend-window";
import { ageBand } from "@/lib/reports/variance-ageing";

const VENDORS = ["Ninja", "ThreatLocker"];
const day = (date: string, ninja: number, threatlocker: number): VendorDayCount[] => [
  ...(ninja ? [{ date, vendor: "Ninja", devices: ninja }] : []),
  ...(threatlocker ? [{ date, vendor: "ThreatLocker", devices: threatlocker }] : []),
];

describe("collectionFailures", () => {
  const counts = [
    ...day("2026-11-01", 700, 400),
    ...day("2026-11-02", 0, 401),
    ...day("2026-11-03", 702, 150),
    ...day("2026-11-04", 701, 402),
  ];

  it("names a vendor without rows while another has some, and a count under half its last good date", () => {
    expect(collectionFailures(counts, VENDORS)).toEqual([
      { date: "2026-11-02", vendor: "Ninja", kind: "missing", devices: 0, lastGoodDevices: 700 },
      { date: "2026-11-03", vendor: "ThreatLocker", kind: "dropped", devices: 150, lastGoodDevices: 401 },
    ]);
  });

  it("compares a recovery with the last good date, not the failed one", () => {
    expect(collectionFailures(counts, VENDORS).some((failure) => failure.date === "2026-11-04")).toBe(false);
  });

  it("keeps only dates every vendor collected without a failure", () => {
    expect(trustworthyReportDates(counts, VENDORS)).toEqual(["2026-11-01", "2026-11-04"]);
  });

  it("ignores dates nobody collected", () => {
    expect(collectionFailures(day("2026-11-01", 700, 400), VENDORS)).toEqual([]);
  });
});

describe("median", () => {
  it("is the middle value, or the mean of the middle two", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe("the overview's window in the URL", () => {
  it("accepts 30, 90 and 365 days and falls back to 90 for anything else", () => {
    expect(parseOverviewSearch({ window: "365" })).toEqual({ window: 365 });
    expect(parseOverviewSearch({ window: ["30", "90"] })).toEqual({ window: 30 });
    expect(parseOverviewSearch({})).toEqual({ window: 90 });
    expect(parseOverviewSearch({ window: "45" })).toEqual({ window: 90 });
    expect(parseOverviewSearch({ window: "<script>" })).toEqual({ window: 90 });
  });

  it("leaves the default out of the link", () => {
    expect(overviewHref(90)).toBe("/");
    expect(overviewHref(365)).toBe("/?window=365");
  });
});

describe("age bands", () => {
  it("put 0–1, 2–7, 8–30 and 31+ days apart", () => {
    expect([0, 1, 2, 7, 8, 30, 31, 400].map(ageBand)).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
  });
});

describe("formatting", () => {
  it("shows durations and changes readably", () => {
    expect([45, 300, 302, 3900].map(formatDuration)).toEqual(["45 s", "5 min", "5 min 2 s", "1 h 5 min"]);
    expect([3, -2, 0, 1.5].map(formatterFor("en-US").change)).toEqual(["+3", "−2", "±0", "+1.5"]);
  });
});
