import { describe, expect, it } from "vitest";
import type { VarianceRow } from "@/lib/variances/variance-rows";
import { toVarianceView } from "@/lib/variances/variance-view";

const spareDetails = (organization: string) => ({
  hostname_base: "abc-1x2y3z4",
  tl_hostname: "ABC-1X2Y3Z4",
  ninja_hostname: "ABC-1X2Y3Z4",
  ninja_billing_status: "spare",
  tl_site: null,
  ninja_site: null,
  tl_org_name: organization,
  ninja_org_name: `${organization}, LLC`,
  note: "Device marked as spare in Ninja - consider if ThreatLocker cleanup needed",
});

// A move shows as a new exceptions row (the checks re-create rows), so each organisation is its own row.
const row = (organization: string): VarianceRow => ({
  type: "SPARE_MISMATCH",
  key: "abc-1x2y3z4",
  rowId: `row-${organization}`,
  hostname: "ABC-1X2Y3Z4",
  details: spareDetails(organization),
  firstSeen: "2026-11-01",
  lastSeen: "2026-11-24",
  rowsOnReport: 1,
  version: 3,
  assigneeId: "00000000-0000-0000-0000-000000000001",
  assigneeName: "Taylor",
  resolvedReportDate: "2026-11-20",
  resolvedAt: new Date("2026-11-20T10:00:00Z"),
  resolvedByName: "Taylor",
  resolutionNote: "Removed",
  snoozedUntil: null,
  snoozeReason: null,
  noteCount: 2,
});

describe("toVarianceView", () => {
  it("a host that moves organisation keeps its identity, triage and lifecycle; only the organisation shown changes", () => {
    const before = toVarianceView(row("Acme"), "2026-11-24", "2026-11-25");
    const after = toVarianceView(row("Globex"), "2026-11-24", "2026-11-25");
    expect(before.organization).toBe("Acme");
    expect(after.organization).toBe("Globex");
    expect(after.lifecycle).toEqual(before.lifecycle);
    expect(after.lifecycle).toEqual({ status: "open", regressed: true });
    expect([after.type, after.key, after.version, after.assigneeId]).toEqual([
      before.type,
      before.key,
      before.version,
      before.assigneeId,
    ]);
  });

  it("counts days open from first to last seen", () => {
    expect(toVarianceView(row("Acme"), "2026-11-24", "2026-11-25").daysOpen).toBe(23);
  });

  it("parses an exceptions row's details once, and a re-created row (a new id) again", () => {
    const first = toVarianceView(row("Initech"), "2026-11-24", "2026-11-25");
    expect(toVarianceView(row("Initech"), "2026-11-24", "2026-11-25").parsed).toBe(first.parsed);
    const recreated = toVarianceView(
      { ...row("Initech"), rowId: "row-recreated", details: spareDetails("Umbrella") },
      "2026-11-24",
      "2026-11-25",
    );
    expect(recreated.parsed).not.toBe(first.parsed);
    expect(recreated.organization).toBe("Umbrella");
  });
});
