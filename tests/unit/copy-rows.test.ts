import { describe, expect, it } from "vitest";
import { copyLine } from "@/lib/demo/copy-rows";

describe("copyLine (COPY text format)", () => {
  it("writes NULL as \\N, booleans as t/f, numbers as digits, and ends the line", () => {
    expect(copyLine([null, undefined, true, false, 15.73, 0, "x"])).toBe("\\N\t\\N\tt\tf\t15.73\t0\tx\n");
  });

  it("escapes backslash, tab, newline and carriage return, and nothing else", () => {
    expect(copyLine(["a\\b\tc\nd\re", `{"name":"O'Brien \\"Zoë\\" | Rémy"}`])).toBe(
      `a\\\\b\\tc\\nd\\re\t{"name":"O'Brien \\\\"Zoë\\\\" | Rémy"}\n`,
    );
  });

  it("refuses a number PostgreSQL cannot read", () => {
    expect(() => copyLine([Number.POSITIVE_INFINITY])).toThrow(/Infinity/);
  });
});
