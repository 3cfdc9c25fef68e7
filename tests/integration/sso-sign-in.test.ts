import { describe, expect, it } from "vitest";
import { createAccount } from "@/lib/accounts/create-account";
import { parseRoleClaims } from "@/lib/auth/entra-settings";
import { authorizeSsoSignIn } from "@/lib/auth/sso-sign-in";
import { demoDatabaseFixture } from "../helpers/demo-fixture";

describe("Entra ID sign-in decisions", () => {
  const fixture = demoDatabaseFixture();
  const roleClaims = parseRoleClaims("manager=VarianceDashboard.Manager;technician=group-techs");
  const signIn = (profile: Record<string, unknown>) => authorizeSsoSignIn(fixture.db, profile, roleClaims);
  const userByEmail = (email: string) =>
    fixture.database.pool
      .query("SELECT id, role, sso_subject, last_sign_in_at FROM variance_dashboard.users WHERE email = $1", [email])
      .then((result) => result.rows[0]);
  const lastEvent = () =>
    fixture.database.pool
      .query("SELECT action, actor_email, details FROM variance_dashboard.audit_events ORDER BY id DESC LIMIT 1")
      .then((result) => result.rows[0]);

  it("lets an invited address in with its listed role and links the directory object", async () => {
    await createAccount(fixture.db, fixture.actors.admin, {
      email: "invited@example.com",
      name: "Invited",
      role: "technician",
      signInMethod: "entra",
    });
    // The token's app roles would map to manager, but the admin-managed list decides.
    const result = await signIn({
      sub: "s-1",
      oid: "oid-invited",
      email: "Invited@Example.com",
      roles: ["VarianceDashboard.Manager"],
    });
    const user = await userByEmail("invited@example.com");
    expect(result).toEqual({ ok: true, userId: user.id });
    expect(user).toMatchObject({ role: "technician", sso_subject: "oid-invited" });
    expect(user.last_sign_in_at).toBeInstanceOf(Date);
    expect(await lastEvent()).toMatchObject({ action: "auth.sign_in", details: { method: "entra" } });
  });

  it("finds a linked person by directory object even after their address changed", async () => {
    const user = await userByEmail("invited@example.com");
    expect(await signIn({ sub: "s-1", oid: "oid-invited", preferred_username: "renamed@example.com" })).toEqual({
      ok: true,
      userId: user.id,
    });
  });

  it("refuses an unknown address, and records it", async () => {
    expect(await signIn({ sub: "s-2", oid: "oid-stranger", email: "stranger@example.com" })).toEqual({
      ok: false,
      reason: "unknown_account",
    });
    expect(await userByEmail("stranger@example.com")).toBeUndefined();
    expect(await lastEvent()).toMatchObject({
      action: "auth.sign_in_refused",
      actor_email: "stranger@example.com",
      details: { method: "entra", reason: "unknown_account" },
    });
  });

  it("creates an account for an unknown person whose app role or group is mapped, with the strongest mapped role", async () => {
    const result = await signIn({
      sub: "s-3",
      oid: "oid-mapped",
      email: "mapped@example.com",
      name: "Mapped Person",
      groups: ["group-techs"],
      roles: ["VarianceDashboard.Manager"],
    });
    expect(result.ok).toBe(true);
    expect(await userByEmail("mapped@example.com")).toMatchObject({ role: "manager", sso_subject: "oid-mapped" });
  });

  it("refuses a disabled account, a second directory object for a linked account, and a token without an address", async () => {
    const user = await userByEmail("invited@example.com");
    expect(await signIn({ sub: "s-4", oid: "oid-impostor", email: "invited@example.com" })).toEqual({
      ok: false,
      reason: "linked_elsewhere",
    });
    expect(await signIn({ sub: "s-5", oid: "oid-nameless" })).toEqual({ ok: false, reason: "no_email" });
    await fixture.db.users.update({ where: { id: user.id }, data: { disabled_at: new Date() } });
    expect(await signIn({ sub: "s-1", oid: "oid-invited", email: "invited@example.com" })).toEqual({
      ok: false,
      reason: "disabled",
    });
  });

  it("lets two first sign-ins of the same mapped person race without a duplicate or an error", async () => {
    const profile = { sub: "s-6", oid: "oid-racer", email: "racer@example.com", groups: ["group-techs"] };
    const results = await Promise.all([signIn(profile), signIn(profile)]);
    expect(results.every((result) => result.ok)).toBe(true);
    expect(
      Number(
        (
          await fixture.database.pool.query(
            "SELECT count(*) FROM variance_dashboard.users WHERE email = 'racer@example.com'",
          )
        ).rows[0].count,
      ),
    ).toBe(1);
  });
});
