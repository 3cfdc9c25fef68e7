import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/access/roles";
import { createAccount } from "@/lib/accounts/create-account";
import { listAccounts } from "@/lib/accounts/list-accounts";
import { signOutEverywhere } from "@/lib/accounts/sign-out-everywhere";
import {
  changeAccountRole,
  removeAccount,
  resetAccountPassword,
  revokeAccountSessions,
  setAccountDisabled,
} from "@/lib/accounts/update-account";
import { authenticateWithPassword } from "@/lib/auth/credentials";
import { addVarianceNote } from "@/lib/variances/commands/add-variance-note";
import { demoDatabaseFixture } from "../helpers/demo-fixture";
import { DEMO_END_DATE } from "../helpers/test-database";
import { changesMadeBy, expectRefusedUnchanged, variancesOn } from "../helpers/variance-fixtures";

describe("account administration", () => {
  const fixture = demoDatabaseFixture();
  const pool = () => fixture.database.pool;

  const create = (actor: Actor, email: string, role = "technician", signInMethod = "password") =>
    createAccount(fixture.db, actor, { email, name: email.split("@")[0], role, signInMethod });

  const auditOf = (subjectId: string) =>
    fixture.db.audit_events.findMany({
      where: { subject_id: subjectId },
      orderBy: { id: "asc" },
      select: { action: true, actor_email: true, details: true },
    });

  it("lists every account with its role, sign-in method and status, for admins only", async () => {
    const { admin, technician, disabled } = fixture.actors;
    const accounts = await listAccounts(fixture.db, admin);
    const { rows } = await pool().query<{ email: string; role: string }>(
      "SELECT email, role FROM variance_dashboard.users ORDER BY email",
    );
    expect(accounts.map(({ email, role }) => ({ email, role })).sort((a, b) => a.email.localeCompare(b.email))).toEqual(
      rows,
    );
    expect(accounts.find((account) => account.id === disabled.id)).toMatchObject({
      disabled: true,
      signInMethod: "password",
    });
    expect(accounts.at(-1)?.disabled).toBe(true);
    await expectRefusedUnchanged(pool(), () => listAccounts(fixture.db, technician), "forbidden");
    await expectRefusedUnchanged(pool(), () => listAccounts(fixture.db, fixture.actors.manager), "forbidden");
  });

  it("creates a local account with a password shown once, usable at once, and audited", async () => {
    const { admin } = fixture.actors;
    const { account, password } = await create(admin, "New.Person@Example.com");
    expect(account).toMatchObject({
      email: "new.person@example.com",
      role: "technician",
      signInMethod: "password",
      disabled: false,
    });
    expect(password).toMatch(/^[\w-]{24}$/);
    expect(await authenticateWithPassword(fixture.db, { email: "new.person@example.com", password })).toMatchObject({
      ok: true,
    });
    const stored = await pool().query("SELECT password_hash FROM variance_dashboard.users WHERE id = $1", [account.id]);
    expect(stored.rows[0].password_hash).not.toContain(password);
    expect(await auditOf(account.id)).toContainEqual({
      action: "user.create",
      actor_email: admin.email,
      details: {
        before: null,
        after: {
          email: "new.person@example.com",
          name: "New.Person",
          role: "technician",
          signInMethod: "password",
          disabled: false,
        },
      },
    });
  });

  it("invites an Entra ID user without any password", async () => {
    const { account, password } = await create(fixture.actors.admin, "sso.user@example.com", "manager", "entra");
    expect(password).toBeNull();
    expect(account).toMatchObject({ role: "manager", signInMethod: "entra" });
    expect(await authenticateWithPassword(fixture.db, { email: "sso.user@example.com", password: "" })).toEqual({
      ok: false,
    });
  });

  it("refuses bad input, a duplicate email and non-admins, changing nothing", async () => {
    const { admin, technician, manager } = fixture.actors;
    const invalid = await expectRefusedUnchanged(
      pool(),
      () =>
        createAccount(fixture.db, admin, {
          email: "not an email",
          name: "",
          role: "owner",
          signInMethod: "password",
          extra: 1,
        }),
      "invalid",
    );
    expect(Object.keys(invalid.fieldErrors ?? {}).sort()).toEqual(["email", "extra", "name", "role"]);
    await expectRefusedUnchanged(
      pool(),
      () => create(admin, technician.email.toUpperCase()),
      "conflict",
      /already exists/,
    );
    for (const actor of [technician, manager]) {
      await expectRefusedUnchanged(pool(), () => create(actor, "sneaky@example.com", "admin"), "forbidden");
      await expectRefusedUnchanged(
        pool(),
        () => changeAccountRole(fixture.db, actor, { userId: actor.id, role: "admin" }),
        "forbidden",
      );
      await expectRefusedUnchanged(
        pool(),
        () => setAccountDisabled(fixture.db, actor, { userId: admin.id, disabled: true }),
        "forbidden",
      );
      await expectRefusedUnchanged(
        pool(),
        () => resetAccountPassword(fixture.db, actor, { userId: admin.id }),
        "forbidden",
      );
      await expectRefusedUnchanged(
        pool(),
        () => revokeAccountSessions(fixture.db, actor, { userId: admin.id }),
        "forbidden",
      );
      await expectRefusedUnchanged(pool(), () => removeAccount(fixture.db, actor, { userId: admin.id }), "forbidden");
    }
    await expectRefusedUnchanged(
      pool(),
      () => changeAccountRole(fixture.db, admin, { userId: "00000000-0000-4000-8000-000000000000", role: "admin" }),
      "not_found",
    );
  });

  it("changes a role with before and after in the audit log", async () => {
    const { account } = await create(fixture.actors.admin, "promote.me@example.com");
    const after = await changeAccountRole(fixture.db, fixture.actors.admin, { userId: account.id, role: "manager" });
    expect(after.role).toBe("manager");
    const event = (await auditOf(account.id)).find((entry) => entry.action === "user.role_change");
    expect(event?.details).toMatchObject({ before: { role: "technician" }, after: { role: "manager" } });
  });

  it("never leaves the dashboard without an active admin, even when two admins demote each other at once", async () => {
    const { admin } = fixture.actors;
    const { account: second } = await create(admin, "second.admin@example.com", "admin");
    const otherAdmins = await fixture.db.users.findMany({
      where: { role: "admin", disabled_at: null, id: { notIn: [admin.id, second.id] } },
      select: { id: true },
    });
    await fixture.db.users.updateMany({
      where: { id: { in: otherAdmins.map((row) => row.id) } },
      data: { role: "manager" },
    });
    const secondActor: Actor = { id: second.id, email: second.email, name: second.name, role: "admin" };

    const results = await Promise.allSettled([
      changeAccountRole(fixture.db, admin, { userId: second.id, role: "technician" }),
      changeAccountRole(fixture.db, secondActor, { userId: admin.id, role: "technician" }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await fixture.db.users.count({ where: { role: "admin", disabled_at: null } })).toBe(1);

    const [lastAdmin] = await fixture.db.users.findMany({
      where: { role: "admin", disabled_at: null },
      select: { id: true, email: true, name: true },
    });
    const lastActor: Actor = { ...lastAdmin!, role: "admin" };
    await expectRefusedUnchanged(
      pool(),
      () => changeAccountRole(fixture.db, lastActor, { userId: lastActor.id, role: "manager" }),
      "conflict",
      /no active admin/,
    );
    await expectRefusedUnchanged(
      pool(),
      () => setAccountDisabled(fixture.db, lastActor, { userId: lastActor.id, disabled: true }),
      "conflict",
    );
    await expectRefusedUnchanged(
      pool(),
      () => removeAccount(fixture.db, lastActor, { userId: lastActor.id }),
      "conflict",
    );
    await fixture.db.users.updateMany({
      where: { id: { in: [...otherAdmins.map((row) => row.id), admin.id, second.id] } },
      data: { role: "admin" },
    });
  });

  it("disables and enables an account, audited both ways", async () => {
    const { account } = await create(fixture.actors.admin, "leaver@example.com");
    expect(
      (await setAccountDisabled(fixture.db, fixture.actors.admin, { userId: account.id, disabled: true })).disabled,
    ).toBe(true);
    expect(
      await authenticateWithPassword(fixture.db, { email: "leaver@example.com", password: "anything-at-all" }),
    ).toEqual({ ok: false });
    expect(
      (await setAccountDisabled(fixture.db, fixture.actors.admin, { userId: account.id, disabled: false })).disabled,
    ).toBe(false);
    expect((await auditOf(account.id)).map((entry) => entry.action)).toEqual([
      "user.create",
      "user.disable",
      "auth.sign_in_refused",
      "user.enable",
    ]);
  });

  it("resets a password: the old one stops working, the new one works, and sessions end", async () => {
    const { account, password: old } = await create(fixture.actors.admin, "forgetful@example.com");
    const { password } = await resetAccountPassword(fixture.db, fixture.actors.admin, { userId: account.id });
    expect(password).not.toBe(old);
    expect(await authenticateWithPassword(fixture.db, { email: "forgetful@example.com", password: old })).toEqual({
      ok: false,
    });
    expect(await authenticateWithPassword(fixture.db, { email: "forgetful@example.com", password })).toMatchObject({
      ok: true,
    });
    const { rows } = await pool().query("SELECT sessions_revoked_at FROM variance_dashboard.users WHERE id = $1", [
      account.id,
    ]);
    expect(rows[0].sessions_revoked_at).toBeInstanceOf(Date);
  });

  it("signs a user out everywhere, by an admin or by themselves", async () => {
    const { technician, admin } = fixture.actors;
    const changes = await changesMadeBy(pool(), () =>
      revokeAccountSessions(fixture.db, admin, { userId: technician.id }),
    );
    expect(Object.keys(changes["variance_dashboard.users"]?.changed?.[technician.id] ?? {})).toEqual([
      "sessions_revoked_at",
    ]);
    expect(changes["variance_dashboard.audit_events"]?.added).toHaveLength(1);
    const own = await changesMadeBy(pool(), () => signOutEverywhere(fixture.db, fixture.actors.manager));
    expect(Object.keys(own["variance_dashboard.users"]?.changed?.[fixture.actors.manager.id] ?? {})).toEqual([
      "sessions_revoked_at",
    ]);
  });

  it("removes an account without history, but refuses one whose notes name it", async () => {
    const { admin } = fixture.actors;
    const { account } = await create(admin, "temp@example.com");
    await removeAccount(fixture.db, admin, { userId: account.id });
    expect(await fixture.db.users.count({ where: { id: account.id } })).toBe(0);
    expect((await auditOf(account.id)).map((entry) => entry.action)).toEqual(["user.create", "user.remove"]);

    const [variance] = await variancesOn(pool(), DEMO_END_DATE);
    const { technician } = fixture.actors;
    await addVarianceNote(fixture.db, technician, { ...variance!, text: "Checked with the client." });
    await expectRefusedUnchanged(
      pool(),
      () => removeAccount(fixture.db, admin, { userId: technician.id }),
      "conflict",
      /disable the account instead/,
    );
    await expectRefusedUnchanged(
      pool(),
      () => removeAccount(fixture.db, admin, { userId: admin.id }),
      "conflict",
      /your own account/,
    );
  });
});
