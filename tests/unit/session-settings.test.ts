import { describe, expect, it } from "vitest";
import { sessionCookieName, sessionMaxAgeSeconds, sessionStillValid } from "@/lib/auth/session-settings";

describe("session settings", () => {
  it("lasts 8 hours by default and follows VD_SESSION_HOURS", () => {
    expect(sessionMaxAgeSeconds(undefined)).toBe(8 * 3600);
    expect(sessionMaxAgeSeconds("12")).toBe(12 * 3600);
    expect(sessionMaxAgeSeconds("0.5")).toBe(1800);
  });

  it("refuses a lifetime that is not a sensible number of hours", () => {
    for (const bad of ["0", "-1", "forever", "1000"])
      expect(() => sessionMaxAgeSeconds(bad)).toThrow(/VD_SESSION_HOURS/);
  });

  it("names the cookie apart from the upstream `session` cookie, with __Secure- over HTTPS", () => {
    expect(sessionCookieName(undefined)).toBe("variance-dashboard.session-token");
    expect(sessionCookieName("http://localhost:3000")).toBe("variance-dashboard.session-token");
    expect(sessionCookieName("https://variance.example.com")).toBe("__Secure-variance-dashboard.session-token");
  });

  it("accepts a session begun after the last sign-out-everywhere and refuses older or undated ones", () => {
    const revokedAt = new Date("2026-11-25T10:00:00Z");
    expect(sessionStillValid(undefined, null)).toBe(true);
    expect(sessionStillValid(revokedAt.getTime() + 1, revokedAt)).toBe(true);
    expect(sessionStillValid(revokedAt.getTime() - 1, revokedAt)).toBe(false);
    expect(sessionStillValid(undefined, revokedAt)).toBe(false);
  });
});
