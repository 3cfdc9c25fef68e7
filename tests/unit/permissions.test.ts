import { describe, expect, it } from "vitest";
import { assertCan, can, ForbiddenError, type Permission } from "@/lib/access/permissions";
import { type Actor, ROLES, type Role } from "@/lib/access/roles";

const actor = (role: Role): Actor => ({
  id: "00000000-0000-0000-0000-000000000000",
  email: `${role}@x.test`,
  name: role,
  role,
});

const expected: Record<Permission, Role[]> = {
  "dashboard:read": ["technician", "manager", "admin"],
  "variances:triage": ["technician", "admin"],
  "team:read": ["manager", "admin"],
  "users:manage": ["admin"],
  "audit:read": ["admin"],
  "organizations:manage": ["admin"],
};

describe("can", () => {
  for (const [permission, allowed] of Object.entries(expected) as [Permission, Role[]][]) {
    for (const role of ROLES) {
      it(`${role} ${allowed.includes(role) ? "may" : "may not"} ${permission}`, () => {
        expect(can(actor(role), permission)).toBe(allowed.includes(role));
      });
    }
  }

  it("refuses everything without an actor", () => {
    expect(can(null, "dashboard:read")).toBe(false);
    expect(can(undefined, "dashboard:read")).toBe(false);
  });

  it("assertCan throws a ForbiddenError naming the permission", () => {
    expect(() => assertCan(actor("manager"), "variances:triage")).toThrow(ForbiddenError);
    expect(() => assertCan(actor("technician"), "variances:triage")).not.toThrow();
  });
});
