import { describe, expect, it } from "vitest";
import { relativeTime } from "@/lib/format";

describe("relativeTime", () => {
  const now = new Date("2026-12-06T12:00:00Z");
  const ago = (seconds: number) => relativeTime(new Date(now.getTime() - seconds * 1000), now, "en-GB");

  it("says the largest whole unit", () => {
    expect(ago(20)).toBe("now");
    expect(ago(5 * 60)).toBe("5 min ago");
    expect(ago(3 * 3600 + 59 * 60)).toBe("3 hr ago");
    expect(ago(26 * 3600)).toBe("yesterday");
    expect(ago(3 * 86_400)).toBe("3 days ago");
    expect(ago(15 * 86_400)).toBe("2 wk ago");
    expect(ago(400 * 86_400)).toBe("last yr");
  });

  it("speaks the reader's language", () => {
    expect(relativeTime(new Date(now.getTime() - 2 * 3600 * 1000), now, "de-DE")).toBe("vor 2 Std.");
  });
});
