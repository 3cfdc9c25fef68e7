import { describe, expect, it } from "vitest";
import { canonicalHostnameKey, netbiosKey } from "@/lib/inventory/hostname-key";

describe("canonicalHostnameKey", () => {
  it.each([
    ["ABC-1X2Y3Z4", "abc-1x2y3z4"],
    ["ABC-1X2Y3Z4.corp.local", "abc-1x2y3z4"],
    ["abc-1x2y3z4.ABC.LOCAL", "abc-1x2y3z4"],
    ["ABC-VEEAM01", "abc-veeam01"],
    ["ABC-5CG1234XYZ99.corp.local", "abc-5cg1234xyz99"],
  ])("keys %s as %s (full first label, lower case)", (hostname, key) => {
    expect(canonicalHostnameKey(hostname)).toBe(key);
  });

  it("cuts at the first | before the domain, and does not trim what is left", () => {
    expect(canonicalHostnameKey("ABC-1X2Y3Z4 | Jane Doe")).toBe("abc-1x2y3z4 ");
    expect(canonicalHostnameKey("ABC-1X2Y3Z4|jdoe")).toBe("abc-1x2y3z4");
    expect(canonicalHostnameKey("ABC-1X2Y3Z4 | j.doe")).toBe("abc-1x2y3z4 ");
  });

  it("keeps surrounding spaces of the stored hostname", () => {
    expect(canonicalHostnameKey(" ABC-1X2Y3Z4")).toBe(" abc-1x2y3z4");
  });

  it("is idempotent, so an exception's hostname keys to itself", () => {
    for (const hostname of ["ABC-1X2Y3Z4.corp.local", "ABC-1X2Y3Z4 | Jane Doe", "ABC-DC01"]) {
      const key = canonicalHostnameKey(hostname);
      expect(canonicalHostnameKey(key)).toBe(key);
    }
  });

  it("keys an empty hostname as empty", () => {
    expect(canonicalHostnameKey("")).toBe("");
  });
});

describe("netbiosKey", () => {
  it("compares only the first 15 characters of the first label", () => {
    expect(netbiosKey("ABC-5CG1234XYZ99.corp.local")).toBe("abc-5cg1234xyz9");
    expect(netbiosKey("ABC-5CG1234XYZ9")).toBe("abc-5cg1234xyz9");
    expect(netbiosKey("ABC-1X2Y3Z4.corp.local")).toBe("abc-1x2y3z4");
  });

  it("does not strip a | (the older checks never did)", () => {
    expect(netbiosKey("ABC-1X2Y3Z4 | Jane Doe")).toBe("abc-1x2y3z4 | j");
  });

  it("lets a NetBIOS fallback name match the full name that the canonical key tells apart", () => {
    const ninja = "ABC-5CG1234XYZ9";
    const threatlocker = "ABC-5CG1234XYZ99";
    expect(netbiosKey(ninja)).toBe(netbiosKey(threatlocker));
    expect(canonicalHostnameKey(ninja)).not.toBe(canonicalHostnameKey(threatlocker));
  });
});
