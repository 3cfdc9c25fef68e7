import { describe, expect, it } from "vitest";
import { entraSettings, parseRoleClaims } from "@/lib/auth/entra-settings";

const complete = {
  AUTH_MICROSOFT_ENTRA_ID_ID: "client",
  AUTH_MICROSOFT_ENTRA_ID_SECRET: "placeholder",
  AUTH_MICROSOFT_ENTRA_ID_ISSUER: "https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/v2.0",
};

describe("Entra ID settings", () => {
  it("is off when none of its variables is set", () => {
    expect(entraSettings({})).toBeNull();
  });

  it("is on with all three, and maps app roles or groups to roles", () => {
    const settings = entraSettings({ ...complete, VD_ENTRA_ROLE_MAP: "admin=App.Admin; technician=g1,g2" });
    expect(settings?.issuer).toBe(complete.AUTH_MICROSOFT_ENTRA_ID_ISSUER);
    expect([...(settings?.roleClaims ?? [])]).toEqual([
      ["App.Admin", "admin"],
      ["g1", "technician"],
      ["g2", "technician"],
    ]);
  });

  it("refuses half a configuration, a multi-tenant issuer and a malformed role map", () => {
    expect(() => entraSettings({ AUTH_MICROSOFT_ENTRA_ID_ID: "client" })).toThrow(/together/);
    expect(() =>
      entraSettings({ ...complete, AUTH_MICROSOFT_ENTRA_ID_ISSUER: "https://login.microsoftonline.com/common/v2.0" }),
    ).toThrow(/tenant/);
    expect(() => parseRoleClaims("owner=x")).toThrow(/VD_ENTRA_ROLE_MAP/);
    expect(() => parseRoleClaims("admin")).toThrow(/VD_ENTRA_ROLE_MAP/);
  });
});
