import { describe, expect, it } from "vitest";
import { internalOrganizationKeys } from "@/lib/organizations/internal-organizations";
import { organizationMatchKey } from "@/lib/organizations/organization-name";

describe("organizationMatchKey", () => {
  it.each([
    ["Acme", "acme"],
    ["Acme, LLC", "acme"],
    ["Acme Inc.", "acme"],
    ["ACME, L.L.C.", "acme"],
    ["Acme Corp", "acme"],
    ["Acme Ltd", "acme"],
    ["Acme Limited", "acme"],
    ["Acme Dental Corporation", "acme dental"],
    ["Acme Holdings, Inc., LLC", "acme holdings"],
    ["  Acme   Dental  ", "acme dental"],
    ["Smith & Jones, PLLC", "smith and jones"],
    ["Smith and Jones", "smith and jones"],
    ["O'Brien Law Group", "obrien law group"],
    ["St. Germain Realty", "st germain realty"],
    ["Gulf-Coast Title", "gulf coast title"],
    ["Café Rémy", "cafe remy"],
    ["LLC", "llc"],
    ["", ""],
  ])("%j → %j", (name, key) => {
    expect(organizationMatchKey(name)).toBe(key);
  });

  it("keeps names apart that differ in more than spelling", () => {
    expect(organizationMatchKey("Acme Dental")).not.toBe(organizationMatchKey("Acme Dental Group"));
    expect(organizationMatchKey("Company Store")).toBe("company store");
  });

  it("is idempotent", () => {
    for (const name of ["Acme, LLC", "Smith & Jones, PLLC", "Café Rémy Co."]) {
      expect(organizationMatchKey(organizationMatchKey(name))).toBe(organizationMatchKey(name));
    }
  });
});

describe("internalOrganizationKeys", () => {
  it("reads a comma-separated list in normalised form", () => {
    expect(internalOrganizationKeys(" Enterprise Solutions LLC ,Internal Infrastructure,, ")).toEqual(
      new Set(["enterprise solutions", "internal infrastructure"]),
    );
  });

  it("is empty when unset", () => {
    expect(internalOrganizationKeys("")).toEqual(new Set());
    expect(internalOrganizationKeys(undefined)).toEqual(new Set());
  });
});
