import { describe, expect, it } from "vitest";
import { DEVICE_QUERY_MAX_LENGTH, parseDeviceSearchParams } from "@/lib/devices/device-search-params";
import { devicePath } from "@/lib/inventory/device-path";

describe("device search URL", () => {
  it("trims the search text and treats blank as no search", () => {
    expect(parseDeviceSearchParams({ q: "  ABC-1X2Y3Z4 " })).toEqual({ q: "ABC-1X2Y3Z4" });
    expect(parseDeviceSearchParams({ q: "   " })).toEqual({ q: undefined });
    expect(parseDeviceSearchParams({})).toEqual({ q: undefined });
  });

  it("reads the first of repeated values and ignores an over-long one", () => {
    expect(parseDeviceSearchParams({ q: ["abc", "def"] })).toEqual({ q: "abc" });
    expect(parseDeviceSearchParams({ q: "x".repeat(DEVICE_QUERY_MAX_LENGTH + 1) })).toEqual({ q: undefined });
  });

  it("builds device links that survive any character in a key", () => {
    expect(devicePath("abc-1x2y3z4 ")).toBe("/devices/abc-1x2y3z4%20");
    expect(devicePath("a/b?c")).toBe("/devices/a%2Fb%3Fc");
  });
});
