import { describe, expect, it } from "vitest";
import { deriveLifecycle, type LifecycleInput } from "@/lib/variances/lifecycle";

const base: LifecycleInput = {
  reportDate: "2026-11-24",
  presentOnReport: true,
  resolvedReportDate: null,
  snoozedUntil: null,
  today: "2026-11-25",
};
const lifecycle = (changes: Partial<LifecycleInput>) => deriveLifecycle({ ...base, ...changes });

describe("deriveLifecycle", () => {
  it("open: on the report, nobody resolved or snoozed it", () => {
    expect(lifecycle({})).toEqual({ status: "open", regressed: false });
  });

  it("cleared: gone from the report without anyone resolving it", () => {
    expect(lifecycle({ presentOnReport: false })).toEqual({ status: "cleared", regressed: false });
  });

  it("resolved: resolved on this report, no later report yet", () => {
    expect(lifecycle({ resolvedReportDate: "2026-11-24" })).toEqual({ status: "resolved", regressed: false });
  });

  it("verified: a later report no longer has it", () => {
    expect(lifecycle({ resolvedReportDate: "2026-11-23", presentOnReport: false })).toEqual({
      status: "verified",
      regressed: false,
    });
  });

  it("regressed: a report after the resolution still has it, shown as open and flagged", () => {
    expect(lifecycle({ resolvedReportDate: "2026-11-23" })).toEqual({ status: "open", regressed: true });
  });

  it("regressed then cleared without a new resolution is verified by the old resolution", () => {
    expect(lifecycle({ resolvedReportDate: "2026-11-20", presentOnReport: false })).toEqual({
      status: "verified",
      regressed: false,
    });
  });

  it("resolving again after a regression resolves it", () => {
    expect(lifecycle({ resolvedReportDate: "2026-11-24" })).toEqual({ status: "resolved", regressed: false });
  });

  it("looking at a past report: a resolution made later does not count yet", () => {
    expect(lifecycle({ reportDate: "2026-11-20", resolvedReportDate: "2026-11-24" })).toEqual({
      status: "open",
      regressed: false,
    });
    expect(lifecycle({ reportDate: "2026-11-20", resolvedReportDate: "2026-11-24", presentOnReport: false })).toEqual({
      status: "cleared",
      regressed: false,
    });
  });

  it("snoozed until a date in the future", () => {
    expect(lifecycle({ snoozedUntil: "2026-12-02" })).toEqual({ status: "snoozed", regressed: false });
  });

  it("snooze expiry: back to open on the snooze date, by itself", () => {
    expect(lifecycle({ snoozedUntil: "2026-11-25" })).toEqual({ status: "open", regressed: false });
    expect(lifecycle({ snoozedUntil: "2026-11-20" })).toEqual({ status: "open", regressed: false });
  });

  it("a snoozed variance that leaves the report is cleared", () => {
    expect(lifecycle({ snoozedUntil: "2026-12-02", presentOnReport: false })).toEqual({
      status: "cleared",
      regressed: false,
    });
  });

  it("a regressed variance can be snoozed and keeps its flag", () => {
    expect(lifecycle({ resolvedReportDate: "2026-11-20", snoozedUntil: "2026-12-02" })).toEqual({
      status: "snoozed",
      regressed: true,
    });
  });
});
