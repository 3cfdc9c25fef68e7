import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/auth/callback-path";

describe("safeCallbackPath", () => {
  it.each([
    [undefined, "/"],
    ["/", "/"],
    ["/variances?type=SPARE_MISMATCH", "/variances?type=SPARE_MISMATCH"],
    ["http://localhost:3000/variances?x=1", "/variances?x=1"],
    ["//evil.example/path", "/"],
    ["/\\evil.example", "/"],
    ["javascript:alert(1)", "/"],
    ["/login?callbackUrl=/x", "/"],
    ["evil", "/"],
    ["/\t/evil.example", "/"],
    ["/\n/evil.example", "/"],
    ["/%09/evil.example", "/%09/evil.example"],
    ["http://evil.example//other.example/x", "/"],
    [["/variances", "//evil.example"], "/variances"],
  ] as [string | string[] | undefined, string][])("%s → %s", (input, output) => {
    expect(safeCallbackPath(input)).toBe(output);
  });
});
