import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateWithPassword } from "@/lib/auth/credentials";
import { createLocalUser, DuplicateEmailError } from "@/lib/auth/users";
import { createPrismaClient, type Database } from "@/lib/db/prisma";
import { createUpstreamDatabase, migrateTestDatabase, type TestDatabase } from "../helpers/test-database";

const password = "correct horse battery staple";

describe("local accounts", () => {
  let database: TestDatabase;
  let db: Database;
  let userId: string;

  beforeAll(async () => {
    database = await createUpstreamDatabase();
    await migrateTestDatabase(database);
    db = createPrismaClient(database.url);
    userId = (
      await createLocalUser(db, { email: "Tech@Example.COM", name: "Tess Tech", role: "technician", password }, "test")
    ).id;
  });
  afterAll(async () => {
    await db.$disconnect();
    await database.drop();
  });

  const auditActions = async () =>
    (
      await db.audit_events.findMany({
        orderBy: { id: "asc" },
        select: { action: true, details: true, actor_email: true },
      })
    ).map((event) => `${event.action}:${event.actor_email}:${(event.details as { reason?: string }).reason ?? ""}`);

  it("stores the email in lower case and only an argon2id hash of the password", async () => {
    const user = await db.users.findUniqueOrThrow({ where: { id: userId } });
    expect(user.email).toBe("tech@example.com");
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    expect(user.password_hash).not.toContain(password);
    expect(await auditActions()).toEqual(["user.create:test:"]);
  });

  it("refuses a second account with the same email, whatever its case", async () => {
    await expect(
      createLocalUser(db, { email: "TECH@example.com", name: "Again", role: "admin", password }, "test"),
    ).rejects.toThrow(DuplicateEmailError);
    expect(await db.users.count()).toBe(1);
  });

  it("refuses invalid input and writes nothing", async () => {
    await expect(
      createLocalUser(db, { email: "not-an-email", name: "X", role: "technician", password }, "test"),
    ).rejects.toThrow();
    await expect(
      createLocalUser(db, { email: "short@example.com", name: "X", role: "technician", password: "short" }, "test"),
    ).rejects.toThrow(/12 characters/);
    await expect(
      createLocalUser(db, { email: "role@example.com", name: "X", role: "owner" as never, password }, "test"),
    ).rejects.toThrow();
    expect(await db.users.count()).toBe(1);
  });

  it("signs in with the right password, case-insensitive email, and records it", async () => {
    const before = new Date();
    expect(await authenticateWithPassword(db, { email: " TECH@example.com ", password })).toEqual({
      ok: true,
      user: { id: userId, email: "tech@example.com", name: "Tess Tech" },
    });
    const user = await db.users.findUniqueOrThrow({ where: { id: userId } });
    expect(user.last_sign_in_at!.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    expect((await auditActions()).at(-1)).toBe("auth.sign_in:tech@example.com:");
  });

  it("refuses a wrong password, an unknown email and malformed input, auditing the real reason", async () => {
    expect(await authenticateWithPassword(db, { email: "tech@example.com", password: "wrong password!" })).toEqual({
      ok: false,
    });
    expect(await authenticateWithPassword(db, { email: "nobody@example.com", password })).toEqual({ ok: false });
    expect(await authenticateWithPassword(db, { email: ["x"], password: 42 })).toEqual({ ok: false });
    expect((await auditActions()).slice(-2)).toEqual([
      "auth.sign_in_refused:tech@example.com:wrong_password",
      "auth.sign_in_refused:nobody@example.com:unknown_account",
    ]);
  });

  it("refuses a disabled account even with the right password", async () => {
    await db.users.update({ where: { id: userId }, data: { disabled_at: new Date() } });
    expect(await authenticateWithPassword(db, { email: "tech@example.com", password })).toEqual({ ok: false });
    expect((await auditActions()).at(-1)).toBe("auth.sign_in_refused:tech@example.com:disabled");
  });
});
