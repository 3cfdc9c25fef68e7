import { describe, expect, it } from "vitest";
import {
  crossVendorExceptions,
  DISPLAY_NAME_MISMATCH_NOTE,
  displayNameMismatch,
  duplicateThreatLocker,
  isNinjaSpare,
  missingNinja,
  type NinjaCheckRow,
  SPARE_MISMATCH_NOTE,
  siteMismatch,
  spareMismatch,
  type ThreatLockerCheckRow,
} from "@/lib/demo/cross-vendor-checks";

const ninja = (overrides: Partial<NinjaCheckRow> = {}): NinjaCheckRow => ({
  hostname: "ABC-1X2Y3Z4.corp.local",
  display_name: "ABC-1X2Y3Z4 | Jane Doe",
  organization_name: "Example Client, LLC",
  location_name: "Main Office",
  billable_status_name: "billable",
  ...overrides,
});

const tl = (overrides: Partial<ThreatLockerCheckRow> = {}): ThreatLockerCheckRow => ({
  hostname: "ABC-1X2Y3Z4",
  display_name: "ABC-1X2Y3Z4 | Jane Doe",
  organization_name: "Example Client",
  ...overrides,
});

describe("MISSING_NINJA", () => {
  it("matches an upper-case ThreatLocker name to a mixed-case Ninja FQDN", () => {
    expect(missingNinja([ninja({ hostname: "abc-1X2y3z4.Corp.Local" })], [tl()])).toEqual([]);
  });

  it("flags a ThreatLocker device with no Ninja device of the same key, hostname = lower-case key", () => {
    expect(missingNinja([ninja()], [tl({ hostname: "ABC-9Z8Y7X6", organization_name: "Example Client LLC" })])).toEqual(
      [
        {
          type: "MISSING_NINJA",
          hostname: "abc-9z8y7x6",
          details: {
            tl_hostname: "abc-9z8y7x6",
            tl_canonical_key: "abc-9z8y7x6",
            tl_site_name: null,
            tl_org_name: "Example Client LLC",
            data_quality_issue: false,
            original_stored_hostname: null,
          },
        },
      ],
    );
  });

  it("flags a `HOST | user` hostname as a data quality issue: its untrimmed key matches nothing", () => {
    const [row] = missingNinja([ninja()], [tl({ hostname: "ABC-1X2Y3Z4 | Jane Doe" })]);
    expect(row).toMatchObject({
      hostname: "abc-1x2y3z4 ",
      details: {
        tl_canonical_key: "abc-1x2y3z4 ",
        data_quality_issue: true,
        original_stored_hostname: "ABC-1X2Y3Z4 | Jane Doe",
      },
    });
  });

  it("flags a long name whose Ninja side fell back to the 15-character NetBIOS name (a false positive)", () => {
    const rows = missingNinja([ninja({ hostname: "ABC-5CG1234XYZ9" })], [tl({ hostname: "ABC-5CG1234XYZ99" })]);
    expect(rows.map((row) => row.hostname)).toEqual(["abc-5cg1234xyz99"]);
  });

  it("never matches on display names", () => {
    const rows = missingNinja([ninja({ hostname: "OTHER-NAME", display_name: "ABC-1X2Y3Z4" })], [tl()]);
    expect(rows).toHaveLength(1);
  });

  it("flags every ThreatLocker row, duplicates included, when Ninja has no rows that day", () => {
    const rows = missingNinja([], [tl(), tl({ hostname: "ABC-1X2Y3Z4" }), tl({ hostname: "ABC-DC01" })]);
    expect(rows.map((row) => row.hostname)).toEqual(["abc-1x2y3z4", "abc-1x2y3z4", "abc-dc01"]);
  });
});

describe("DUPLICATE_TL", () => {
  it("reports one row per key held by several computers, first hostname with its case", () => {
    const rows = duplicateThreatLocker([
      tl({ hostname: "ABC-1X2Y3Z4", organization_name: "Example Client LLC" }),
      tl({ hostname: "ABC-DC01" }),
      tl({ hostname: "abc-1x2y3z4.corp.local", organization_name: "Example Client LLC" }),
    ]);
    expect(rows).toEqual([
      {
        type: "DUPLICATE_TL",
        hostname: "ABC-1X2Y3Z4",
        details: {
          hostname_base: "abc-1x2y3z4",
          count: 2,
          duplicate_hostnames: ["ABC-1X2Y3Z4", "abc-1x2y3z4.corp.local"],
          sites: [null, null],
          organizations: ["Example Client LLC", "Example Client LLC"],
          tl_org_name: "Example Client LLC",
        },
      },
    ]);
  });

  it("keeps the count of all rows while listing only known organisations", () => {
    const [row] = duplicateThreatLocker([tl({ organization_name: null }), tl(), tl({ organization_name: "Other" })]);
    expect(row?.details).toMatchObject({
      count: 3,
      organizations: ["Example Client", "Other"],
      tl_org_name: "Example Client",
    });
  });

  it("uses the full first label, so names sharing 15 characters are not duplicates", () => {
    expect(duplicateThreatLocker([tl({ hostname: "ABC-5CG1234XYZ99" }), tl({ hostname: "ABC-5CG1234XYZ98" })])).toEqual(
      [],
    );
  });
});

describe("SITE_MISMATCH", () => {
  it("does not flag the same client spelled differently in each vendor", () => {
    const pairs: [string, string][] = [
      ["Example Client, LLC", "Example Client"],
      ["Example Client Inc.", "EXAMPLE CLIENT, INC"],
      ["Smith & Jones, L.L.C.", "Smith and Jones"],
    ];
    for (const [ninjaOrg, tlOrg] of pairs) {
      expect(siteMismatch([ninja({ organization_name: ninjaOrg })], [tl({ organization_name: tlOrg })])).toEqual([]);
    }
  });

  it("flags a device filed under different clients; ThreatLocker has no site", () => {
    expect(siteMismatch([ninja({ organization_name: "Other Client, LLC" })], [tl()])).toEqual([
      {
        type: "SITE_MISMATCH",
        hostname: "ABC-1X2Y3Z4",
        details: {
          hostname_base: "abc-1x2y3z4",
          tl_hostname: "ABC-1X2Y3Z4",
          ninja_hostname: "ABC-1X2Y3Z4.corp.local",
          tl_site: null,
          ninja_site: "Main Office",
          tl_org: "Example Client",
          ninja_org: "Other Client, LLC",
        },
      },
    ]);
  });

  it("matches on the 15-character key", () => {
    const rows = siteMismatch(
      [ninja({ hostname: "ABC-5CG1234XYZ9", organization_name: "Other" })],
      [tl({ hostname: "ABC-5CG1234XYZ99" })],
    );
    expect(rows.map((row) => row.details)).toMatchObject([
      { hostname_base: "abc-5cg1234xyz9", tl_hostname: "ABC-5CG1234XYZ99" },
    ]);
  });

  it("cannot compare a device whose organisation is unknown", () => {
    expect(siteMismatch([ninja({ organization_name: null })], [tl()])).toEqual([]);
  });
});

describe("SPARE_MISMATCH", () => {
  it("flags a spare still licensed in ThreatLocker, hostname case kept", () => {
    const spare = ninja({ location_name: "Spare Inventory", billable_status_name: "spare" });
    expect(spareMismatch([spare], [tl()])).toEqual([
      {
        type: "SPARE_MISMATCH",
        hostname: "ABC-1X2Y3Z4",
        details: {
          hostname_base: "abc-1x2y3z4",
          tl_hostname: "ABC-1X2Y3Z4",
          ninja_hostname: "ABC-1X2Y3Z4.corp.local",
          ninja_billing_status: "spare",
          tl_site: null,
          ninja_site: "Spare Inventory",
          tl_org_name: "Example Client",
          ninja_org_name: "Example Client, LLC",
          note: SPARE_MISMATCH_NOTE,
        },
      },
    ]);
  });

  it("treats a SPARE display name as spare", () => {
    const spare = ninja({ display_name: "ABC-1X2Y3Z4 | SPARE - was Jane Doe (at ES)", billable_status_name: "spare" });
    expect(spareMismatch([spare], [tl()])).toHaveLength(1);
  });

  it("leaves devices kept in ES Spare alone: they stay in ThreatLocker on purpose", () => {
    const spare = ninja({
      display_name: "ABC-1X2Y3Z4 | SPARE - was Jane Doe (at ES)",
      location_name: "ES Spare",
      billable_status_name: "spare",
    });
    expect(spareMismatch([spare], [tl()])).toEqual([]);
  });

  it("ignores spares that ThreatLocker no longer has", () => {
    expect(spareMismatch([ninja({ location_name: "Spares" })], [tl({ hostname: "ABC-DC01" })])).toEqual([]);
  });

  it("matches a NetBIOS-fallback spare on the 15-character key", () => {
    const rows = spareMismatch(
      [ninja({ hostname: "ABC-5CG1234XYZ9", location_name: "Spares" })],
      [tl({ hostname: "ABC-5CG1234XYZ99" })],
    );
    expect(rows).toMatchObject([
      {
        hostname: "ABC-5CG1234XYZ99",
        details: { hostname_base: "abc-5cg1234xyz9", ninja_hostname: "ABC-5CG1234XYZ9" },
      },
    ]);
  });

  it("does not strip | on the ThreatLocker side, so a `HOST | user` row matches nothing", () => {
    expect(spareMismatch([ninja({ location_name: "Spares" })], [tl({ hostname: "ABC-1X2Y3Z4 | Jane Doe" })])).toEqual(
      [],
    );
  });
});

describe("isNinjaSpare", () => {
  it.each([
    [{ display_name: "X | spare", location_name: "Main Office", billable_status_name: "billable" }, true],
    [{ display_name: "", location_name: "Storage - SPARE PCs", billable_status_name: "billable" }, true],
    [{ display_name: null, location_name: null, billable_status_name: "spare" }, true],
    [{ display_name: "X | Jane Doe", location_name: "Main Office", billable_status_name: "billable" }, false],
  ])("%o → %s", (row, expected) => {
    expect(isNinjaSpare(row)).toBe(expected);
  });
});

describe("DISPLAY_NAME_MISMATCH", () => {
  it("ignores case and surrounding spaces", () => {
    expect(displayNameMismatch([ninja({ display_name: "  abc-1x2y3z4 | jane doe " })], [tl()])).toEqual([]);
  });

  it("flags different names, one row per matched pair, hostname = key", () => {
    const spare = ninja({ display_name: "ABC-1X2Y3Z4 | SPARE - was Jane Doe (at ES)" });
    expect(displayNameMismatch([spare], [tl()])).toEqual([
      {
        type: "DISPLAY_NAME_MISMATCH",
        hostname: "abc-1x2y3z4",
        details: {
          tl_hostname: "ABC-1X2Y3Z4",
          ninja_hostname: "ABC-1X2Y3Z4.corp.local",
          tl_display_name: "ABC-1X2Y3Z4 | Jane Doe",
          ninja_display_name: "ABC-1X2Y3Z4 | SPARE - was Jane Doe (at ES)",
          tl_org_name: "Example Client",
          ninja_org_name: "Example Client, LLC",
          hostname_base: "abc-1x2y3z4",
          note: DISPLAY_NAME_MISMATCH_NOTE,
        },
      },
    ]);
  });

  it("does not flag an empty Ninja name when ThreatLocker shows the bare hostname", () => {
    expect(displayNameMismatch([ninja({ display_name: "" })], [tl({ display_name: "abc-1x2y3z4 " })])).toEqual([]);
    expect(displayNameMismatch([ninja({ display_name: null })], [tl({ display_name: "ABC-1X2Y3Z4" })])).toEqual([]);
  });

  it("flags an empty Ninja name against a ThreatLocker name that is more than the hostname", () => {
    expect(displayNameMismatch([ninja({ display_name: "" })], [tl()])).toHaveLength(1);
  });

  it("flags a Ninja name against a ThreatLocker name that is only the hostname", () => {
    expect(displayNameMismatch([ninja()], [tl({ display_name: "ABC-1X2Y3Z4" })])).toHaveLength(1);
  });

  it("pairs on the full key: a NetBIOS-fallback device is not compared", () => {
    expect(
      displayNameMismatch(
        [ninja({ hostname: "ABC-5CG1234XYZ9", display_name: "" })],
        [tl({ hostname: "ABC-5CG1234XYZ99" })],
      ),
    ).toEqual([]);
  });

  it("reports each ThreatLocker duplicate's pair", () => {
    expect(displayNameMismatch([ninja({ display_name: "Other" })], [tl(), tl()])).toHaveLength(2);
  });
});

describe("crossVendorExceptions", () => {
  it("runs the checks in upstream order", () => {
    const rows = crossVendorExceptions(
      [ninja({ location_name: "Spares", display_name: "x", organization_name: "Other" })],
      [tl(), tl({ hostname: "ABC-NEW0001" }), tl({ hostname: "ABC-NEW0001" })],
    );
    expect(rows.map((row) => row.type)).toEqual([
      "MISSING_NINJA",
      "MISSING_NINJA",
      "DUPLICATE_TL",
      "SITE_MISMATCH",
      "SPARE_MISMATCH",
      "DISPLAY_NAME_MISMATCH",
    ]);
  });

  it("finds nothing on a day ThreatLocker returned no rows", () => {
    expect(crossVendorExceptions([ninja({ location_name: "Spares" })], [])).toEqual([]);
  });
});
