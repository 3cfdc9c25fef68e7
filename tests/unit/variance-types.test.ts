import { describe, expect, it } from "vitest";
import {
  crossVendorExceptions,
  EXCEPTION_TYPES,
  type NinjaCheckRow,
  type ThreatLockerCheckRow,
} from "@/lib/demo/cross-vendor-checks";
import {
  KNOWN_VARIANCE_TYPES,
  type ParsedDetails,
  parseVarianceDetails,
  typeLabel,
  varianceTypeDefinition,
} from "@/lib/variances/type-registry/registry";

/** Reference §5's example `details`, verbatim. */
const EXAMPLES = {
  MISSING_NINJA: {
    tl_hostname: "abc-1x2y3z4",
    tl_canonical_key: "abc-1x2y3z4",
    tl_site_name: null,
    tl_org_name: "Example Client LLC",
    data_quality_issue: false,
    original_stored_hostname: null,
  },
  DUPLICATE_TL: {
    hostname_base: "abc-1x2y3z4",
    count: 2,
    duplicate_hostnames: ["ABC-1X2Y3Z4", "ABC-1X2Y3Z4"],
    sites: [null, null],
    organizations: ["Example Client LLC", "Example Client LLC"],
    tl_org_name: "Example Client LLC",
  },
  SITE_MISMATCH: {
    hostname_base: "abc-1x2y3z4",
    tl_hostname: "ABC-1X2Y3Z4",
    ninja_hostname: "ABC-1X2Y3Z4",
    tl_site: null,
    ninja_site: "Main Office",
    tl_org: "Example Client",
    ninja_org: "Example Client, LLC",
  },
  SPARE_MISMATCH: {
    hostname_base: "abc-1x2y3z4",
    tl_hostname: "ABC-1X2Y3Z4",
    ninja_hostname: "ABC-1X2Y3Z4",
    ninja_billing_status: "spare",
    tl_site: null,
    ninja_site: null,
    tl_org_name: "Example Client",
    ninja_org_name: "Example Client, LLC",
    note: "Device marked as spare in Ninja - consider if ThreatLocker cleanup needed",
  },
  DISPLAY_NAME_MISMATCH: {
    tl_hostname: "ABC-1X2Y3Z4",
    ninja_hostname: "ABC-1X2Y3Z4.corp.local",
    tl_display_name: "ABC-1X2Y3Z4 | Jane Doe",
    ninja_display_name: "ABC-1X2Y3Z4 | SPARE - was Jane Doe (at ES)",
    tl_org_name: "Example Client",
    ninja_org_name: "Example Client, LLC",
    hostname_base: "abc-1x2y3z4",
    note: "…",
  },
} as const;

type KnownType = keyof typeof EXAMPLES;

function expectKind<K extends ParsedDetails["kind"]>(
  parsed: ParsedDetails,
  kind: K,
): Extract<ParsedDetails, { kind: K }> {
  expect(parsed.kind, JSON.stringify(parsed)).toBe(kind);
  return parsed as Extract<ParsedDetails, { kind: K }>;
}

const known = (type: KnownType, details: object = EXAMPLES[type], hostname = "ABC-1X2Y3Z4") =>
  expectKind(parseVarianceDetails(type, details, hostname), "known");

describe("the registry", () => {
  it("knows exactly the five types the upstream checks write, as the demo generates them", () => {
    expect([...KNOWN_VARIANCE_TYPES].sort()).toEqual([...EXCEPTION_TYPES].sort());
  });

  it("gives each type a label, a description and the MSP's recommended action", () => {
    expect(KNOWN_VARIANCE_TYPES.map((type) => varianceTypeDefinition(type)?.recommendedAction)).toEqual([
      "Add the device to Ninja or remove it from ThreatLocker.",
      "Remove the duplicate ThreatLocker entries.",
      "Reconcile site assignments.",
      "Remove ThreatLocker from the spare device, or fix its billing status.",
      "Reconcile the names.",
    ]);
    for (const type of KNOWN_VARIANCE_TYPES) {
      expect(varianceTypeDefinition(type)?.description).toMatch(/^[A-Z].+\.$/);
    }
  });

  it("labels known types and shows unknown ones by their raw name", () => {
    expect(typeLabel("SPARE_MISMATCH")).toBe("Spare still licensed");
    expect(typeLabel("LICENSE_DRIFT")).toBe("LICENSE_DRIFT");
  });

  it("does not mistake Object.prototype's names for types", () => {
    for (const type of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      expect(varianceTypeDefinition(type)).toBeNull();
      expect(typeLabel(type)).toBe(type);
      expect(parseVarianceDetails(type, {}, "h").kind).toBe("unknown_type");
    }
  });
});

describe("§5's example details", () => {
  it("MISSING_NINJA", () => {
    const parsed = known("MISSING_NINJA", EXAMPLES.MISSING_NINJA, "abc-1x2y3z4");
    expect(parsed.summary).toBe("In ThreatLocker, but no Ninja device is named abc-1x2y3z4");
    expect(parsed.organization).toBe("Example Client LLC");
    expect(parsed.fields).toEqual([
      { label: "ThreatLocker hostname", value: "abc-1x2y3z4" },
      { label: "ThreatLocker organization", value: "Example Client LLC" },
      { label: "Hostname stored with a user name", value: false },
      { label: "Hostname as ThreatLocker stored it", value: null },
    ]);
  });

  it("MISSING_NINJA with a `HOST | user` hostname says why nothing matched", () => {
    const details = {
      ...EXAMPLES.MISSING_NINJA,
      tl_hostname: "abc-1x2y3z4 ",
      tl_canonical_key: "abc-1x2y3z4 ",
      data_quality_issue: true,
      original_stored_hostname: "ABC-1X2Y3Z4 | Jane Doe",
    };
    expect(known("MISSING_NINJA", details).summary).toBe(
      "ThreatLocker stored the hostname as 'ABC-1X2Y3Z4 | Jane Doe', so it matches no Ninja device",
    );
  });

  it("DUPLICATE_TL", () => {
    const parsed = known("DUPLICATE_TL");
    expect(parsed.summary).toBe("2 ThreatLocker computers share ABC-1X2Y3Z4");
    expect(parsed.organization).toBe("Example Client LLC");
    expect(parsed.fields).toEqual([
      { label: "Matching key", value: "abc-1x2y3z4" },
      { label: "ThreatLocker computers", value: 2 },
      { label: "ThreatLocker hostnames", value: ["ABC-1X2Y3Z4", "ABC-1X2Y3Z4"] },
      { label: "ThreatLocker organizations", value: ["Example Client LLC", "Example Client LLC"] },
    ]);
  });

  it("SITE_MISMATCH, whose organisation keys are tl_org/ninja_org", () => {
    const parsed = known("SITE_MISMATCH");
    expect(parsed.summary).toBe("Ninja: 'Main Office' (Example Client, LLC) · ThreatLocker: no site (Example Client)");
    expect(parsed.organization).toBe("Example Client");
    expect(parsed.fields).toEqual([
      { label: "Ninja hostname", value: "ABC-1X2Y3Z4" },
      { label: "ThreatLocker hostname", value: "ABC-1X2Y3Z4" },
      { label: "Ninja site", value: "Main Office" },
      { label: "ThreatLocker site", value: null },
      { label: "Ninja organization", value: "Example Client, LLC" },
      { label: "ThreatLocker organization", value: "Example Client" },
      { label: "Matching key", value: "abc-1x2y3z4" },
    ]);
  });

  it("SPARE_MISMATCH", () => {
    const parsed = known("SPARE_MISMATCH");
    expect(parsed.summary).toBe("Billed as spare in Ninja (Example Client, LLC) but licensed in ThreatLocker");
    expect(parsed.organization).toBe("Example Client");
    expect(parsed.fields).toEqual([
      { label: "Ninja hostname", value: "ABC-1X2Y3Z4" },
      { label: "ThreatLocker hostname", value: "ABC-1X2Y3Z4" },
      { label: "Ninja billing status", value: "spare" },
      { label: "Ninja site", value: null },
      { label: "Ninja organization", value: "Example Client, LLC" },
      { label: "ThreatLocker organization", value: "Example Client" },
    ]);
  });

  it("SPARE_MISMATCH of a device spare by name only, billed otherwise, and with no Ninja organisation", () => {
    const details = { ...EXAMPLES.SPARE_MISMATCH, ninja_billing_status: "billable", ninja_org_name: null };
    expect(known("SPARE_MISMATCH", details).summary).toBe("Marked as spare in Ninja but licensed in ThreatLocker");
  });

  it("DISPLAY_NAME_MISMATCH", () => {
    const parsed = known("DISPLAY_NAME_MISMATCH", EXAMPLES.DISPLAY_NAME_MISMATCH, "abc-1x2y3z4");
    expect(parsed.summary).toBe(
      "Ninja: 'ABC-1X2Y3Z4 | SPARE - was Jane Doe (at ES)' · ThreatLocker: 'ABC-1X2Y3Z4 | Jane Doe'",
    );
    expect(parsed.organization).toBe("Example Client");
    expect(parsed.fields).toEqual([
      { label: "Ninja display name", value: "ABC-1X2Y3Z4 | SPARE - was Jane Doe (at ES)" },
      { label: "ThreatLocker display name", value: "ABC-1X2Y3Z4 | Jane Doe" },
      { label: "Ninja hostname", value: "ABC-1X2Y3Z4.corp.local" },
      { label: "ThreatLocker hostname", value: "ABC-1X2Y3Z4" },
      { label: "Ninja organization", value: "Example Client, LLC" },
      { label: "ThreatLocker organization", value: "Example Client" },
    ]);
  });

  it("DISPLAY_NAME_MISMATCH with a display name missing on one side", () => {
    const details = { ...EXAMPLES.DISPLAY_NAME_MISMATCH, ninja_display_name: null };
    expect(known("DISPLAY_NAME_MISMATCH", details).summary).toBe(
      "Ninja: no display name · ThreatLocker: 'ABC-1X2Y3Z4 | Jane Doe'",
    );
  });

  it("tolerates keys upstream adds later", () => {
    expect(known("SPARE_MISMATCH", { ...EXAMPLES.SPARE_MISMATCH, added_later: 1 }).summary).toContain(
      "Billed as spare",
    );
  });
});

describe("details that do not match their type's schema", () => {
  it("names a missing required key", () => {
    const { tl_hostname: _, ...withoutHostname } = EXAMPLES.SPARE_MISMATCH;
    const parsed = expectKind(parseVarianceDetails("SPARE_MISMATCH", withoutHostname, "h"), "unexpected");
    expect(parsed.definition.type).toBe("SPARE_MISMATCH");
    expect(parsed.summary).toBe("Details do not match the expected shape");
    expect(parsed.issues).toEqual(["tl_hostname: missing"]);
    expect(parsed.organization).toBe("Example Client");
    expect(parsed.fields).toContainEqual({ label: "ninja_hostname", value: "ABC-1X2Y3Z4" });
  });

  it("names a key of the wrong type, down to the list item", () => {
    const details = { ...EXAMPLES.DUPLICATE_TL, count: "2", duplicate_hostnames: ["ABC-1X2Y3Z4", 7] };
    const parsed = expectKind(parseVarianceDetails("DUPLICATE_TL", details, "h"), "unexpected");
    expect(parsed.issues).toEqual([
      "count: Invalid input: expected number, received string",
      "duplicate_hostnames.1: Invalid input: expected string, received number",
    ]);
    expect(parsed.fields).toContainEqual({ label: "duplicate_hostnames", value: '["ABC-1X2Y3Z4", 7]' });
  });

  it("rejects null where §5 never has it", () => {
    const parsed = expectKind(
      parseVarianceDetails("DISPLAY_NAME_MISMATCH", { ...EXAMPLES.DISPLAY_NAME_MISMATCH, tl_hostname: null }, "h"),
      "unexpected",
    );
    expect(parsed.issues).toEqual(["tl_hostname: Invalid input: expected string, received null"]);
  });

  it("caps the list of issues", () => {
    const parsed = expectKind(parseVarianceDetails("SPARE_MISMATCH", {}, "h"), "unexpected");
    expect(parsed.issues).toHaveLength(9);
    expect(parsed.organization).toBe("Unknown");
    expect(parsed.fields).toEqual([]);
    const many = expectKind(
      parseVarianceDetails("DUPLICATE_TL", { ...EXAMPLES.DUPLICATE_TL, organizations: Array(25).fill(1) }, "h"),
      "unexpected",
    );
    expect(many.issues).toHaveLength(11);
    expect(many.issues.at(-1)).toBe("… and 15 more");
  });
});

describe("a type the registry does not know", () => {
  it("lists the raw details as key/value fields and summarises the first few pairs", () => {
    const details = { device: "ABC-1X2Y3Z4", seats: 3, active: true, extra: { a: [1, "b"] }, last: null };
    const parsed = expectKind(parseVarianceDetails("LICENSE_DRIFT", details, "h"), "unknown_type");
    expect(parsed.summary).toBe("device=ABC-1X2Y3Z4 · seats=3 · active=true");
    expect(parsed.organization).toBe("Unknown");
    expect(parsed.fields).toEqual([
      { label: "device", value: "ABC-1X2Y3Z4" },
      { label: "seats", value: 3 },
      { label: "active", value: true },
      { label: "extra", value: '{a: [1, "b"]}' },
      { label: "last", value: null },
    ]);
  });

  it("still finds the organisation by §5's rule", () => {
    expect(parseVarianceDetails("LICENSE_DRIFT", { ninja_org: "Acme" }, "h").organization).toBe("Acme");
  });
});

describe("organisation precedence: tl_org_name > ninja_org_name > tl_org > ninja_org > Unknown", () => {
  const all = { tl_org_name: "A", ninja_org_name: "B", tl_org: "C", ninja_org: "D" };
  const cases: [Record<string, unknown>, string][] = [
    [all, "A"],
    [{ ...all, tl_org_name: null }, "B"],
    [{ ...all, tl_org_name: null, ninja_org_name: null }, "C"],
    [{ ninja_org_name: null, ninja_org: "D" }, "D"],
    [{ tl_org_name: "", ninja_org_name: "  ", tl_org: 5, ninja_org: "D" }, "D"],
    [{ tl_org_name: null, ninja_org_name: null }, "Unknown"],
    [{}, "Unknown"],
  ];
  it.each(cases)("%j → %s", (details, expected) => {
    expect(parseVarianceDetails("SOMETHING_NEW", details, "h").organization).toBe(expected);
  });

  it("applies to known types too", () => {
    expect(known("SPARE_MISMATCH", { ...EXAMPLES.SPARE_MISMATCH, tl_org_name: null }).organization).toBe(
      "Example Client, LLC",
    );
    expect(known("SITE_MISMATCH", { ...EXAMPLES.SITE_MISMATCH, tl_org: null, ninja_org: null }).organization).toBe(
      "Unknown",
    );
  });
});

describe("hostile values", () => {
  const script = "<script>alert(1)</script>";
  const megabyte = "x".repeat(1_048_576);

  it("returns markup verbatim as text", () => {
    const details = { ...EXAMPLES.DISPLAY_NAME_MISMATCH, tl_display_name: script, tl_org_name: script };
    const parsed = known("DISPLAY_NAME_MISMATCH", details);
    expect(parsed.summary).toBe(`Ninja: 'ABC-1X2Y3Z4 | SPARE - was Jane Doe (at ES)' · ThreatLocker: '${script}'`);
    expect(parsed.organization).toBe(script);
    expect(parsed.fields).toContainEqual({ label: "ThreatLocker display name", value: script });
    expect(parseVarianceDetails("NEW", { [script]: script }, "h").fields).toEqual([{ label: script, value: script }]);
  });

  it("truncates a 1 MB string in fields, summary and organisation", () => {
    const details = { ...EXAMPLES.DISPLAY_NAME_MISMATCH, tl_display_name: megabyte, tl_org_name: megabyte };
    const parsed = known("DISPLAY_NAME_MISMATCH", details);
    const field = parsed.fields.find((f) => f.label === "ThreatLocker display name");
    expect(field?.value).toBe(`${"x".repeat(500)}… (1048076 more characters)`);
    expect(parsed.summary.length).toBeLessThan(200);
    expect(parsed.summary).toContain("ThreatLocker: 'xxx");
    expect(parsed.organization).toBe(`${"x".repeat(120)}…`);

    const unknown = parseVarianceDetails("NEW", { huge: megabyte, nested: { deep: megabyte }, list: [megabyte] }, "h");
    for (const { value } of unknown.fields) {
      for (const text of [value].flat()) expect(String(text).length).toBeLessThan(600);
    }
    expect(unknown.summary.length).toBeLessThan(200);
  });

  it("keeps a summary on one line", () => {
    const details = { ...EXAMPLES.DISPLAY_NAME_MISMATCH, ninja_display_name: "ABC\n| Jane\r\n\tDoe\u202E" };
    expect(known("DISPLAY_NAME_MISMATCH", details).summary).toBe(
      "Ninja: 'ABC | Jane Doe' · ThreatLocker: 'ABC-1X2Y3Z4 | Jane Doe'",
    );
  });

  it("never throws, whatever JSON details is", () => {
    let deep: unknown = "bottom";
    for (let i = 0; i < 10_000; i++) deep = { next: deep };
    const values: unknown[] = [
      null,
      undefined,
      "",
      "text",
      0,
      -1.5,
      true,
      [],
      [1, [2, [3]]],
      {},
      deep,
      Array(100_000).fill({ a: 1 }),
    ];
    for (const type of [...KNOWN_VARIANCE_TYPES, "UNKNOWN_TYPE"]) {
      for (const details of values) {
        const parsed = parseVarianceDetails(type, details, "h");
        expect(parsed.kind).not.toBe("known");
        expect(typeof parsed.summary).toBe("string");
        expect(parsed.organization).toBe("Unknown");
      }
    }
  });

  it("renders non-object details generically", () => {
    expect(parseVarianceDetails("NEW", null, "h")).toEqual({
      kind: "unknown_type",
      summary: "No details",
      organization: "Unknown",
      fields: [],
    });
    expect(parseVarianceDetails("NEW", 42, "h").fields).toEqual([{ label: "details", value: 42 }]);
    expect(parseVarianceDetails("NEW", ["a", "b"], "h").fields).toEqual([{ label: "details", value: ["a", "b"] }]);
    expect(parseVarianceDetails("NEW", [1, { a: null }], "h").summary).toBe("[1, {a: null}]");
    expect(parseVarianceDetails("NEW", Array(200).fill("a"), "h").fields[0]?.value).toHaveLength(51);
  });

  it("shows deep nesting only to a readable depth", () => {
    const parsed = parseVarianceDetails("NEW", { a: { b: { c: { d: { e: { f: 1 } } } } } }, "h");
    expect(parsed.fields).toEqual([{ label: "a", value: "{b: {c: {d: {e: {…}}}}}" }]);
  });
});

describe("the demo's cross-vendor checks and the registry agree", () => {
  const ninja = (hostname: string, overrides: Partial<NinjaCheckRow> = {}): NinjaCheckRow => ({
    hostname,
    display_name: `${hostname.split(".")[0]} | Jane Doe`,
    organization_name: "Example Client, LLC",
    location_name: "Main Office",
    billable_status_name: "billable",
    ...overrides,
  });
  const tl = (hostname: string, overrides: Partial<ThreatLockerCheckRow> = {}): ThreatLockerCheckRow => ({
    hostname,
    display_name: `${hostname} | Jane Doe`,
    organization_name: "Example Client",
    ...overrides,
  });

  const exceptions = crossVendorExceptions(
    [
      ninja("SPARE-BILLED.corp.local", { billable_status_name: "spare", location_name: null }),
      ninja("SPARE-BYNAME.corp.local", { display_name: "SPARE - was Jane Doe", organization_name: null }),
      ninja("MOVED-CLIENT.corp.local", { organization_name: "Other Client Inc", location_name: null }),
      ninja("RENAMED-PC.corp.local", { display_name: null }),
      ninja("DUP-PC.corp.local"),
      ninja("A-VERY-LONG-HOSTNAME-0001.corp.local"),
    ],
    [
      tl("SPARE-BILLED"),
      tl("SPARE-BYNAME", { organization_name: null }),
      tl("MOVED-CLIENT"),
      tl("RENAMED-PC", { display_name: "Front desk" }),
      tl("DUP-PC"),
      tl("dup-pc", { organization_name: null, display_name: null }),
      tl("ONLY-IN-TL", { organization_name: null }),
      tl("USER-PC | Jane Doe"),
      tl("A-VERY-LONG-HOSTNAME-0001"),
    ],
  );

  it("generates every type", () => {
    expect(new Set(exceptions.map((row) => row.type))).toEqual(new Set(KNOWN_VARIANCE_TYPES));
  });

  it.each(exceptions.map((row) => [row.type, row.hostname, row] as const))(
    "%s %s parses as known",
    (_type, _hostname, row) => {
      const parsed = expectKind(
        parseVarianceDetails(row.type, JSON.parse(JSON.stringify(row.details)), row.hostname),
        "known",
      );
      expect(parsed.summary).not.toBe("");
      expect(parsed.fields.length).toBeGreaterThan(0);
    },
  );
});
