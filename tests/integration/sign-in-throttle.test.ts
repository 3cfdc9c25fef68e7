import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPrismaClient, type Database } from "@/lib/db/prisma";
import { createLocalUser } from "@/lib/auth/users";
import { authenticateWithPassword } from "@/lib/auth/credentials";
import { SIGN_IN_FAILURE_LIMIT, SIGN_IN_WINDOW_MINUTES } from "@/lib/auth/sign-in-throttle";
import { signInRefusalMessage } from "@/lib/auth/sign-in-messages";
import { runScript } from "../helpers/run-script";
import { createUpstreamDatabase, migrateTestDatabase, type TestDatabase } from "../helpers/test-database";

const password = "correct horse battery staple";
const email = "tess@example.com";

describe("brute-force protection for local sign-in", () => {
  let database: TestDatabase;
  // Two clients with their own connection pools: two app instances sharing the database.
  let first: Database;
  let second: Database;

  beforeAll(async () => {
    database = await createUpstreamDatabase();
    await migrateTestDatabase(database);
    first = createPrismaClient(database.url);
    second = createPrismaClient(database.url);
    await createLocalUser(first, { email, name: "Tess", role: "technician", password }, "test");
  });
  beforeEach(async () => {
    await database.pool.query("DELETE FROM variance_dashboard.audit_events WHERE action LIKE 'auth.%'");
  });
  afterAll(async () => {
    await first.$disconnect();
    await second.$disconnect();
    await database.drop();
  });

  const wrong = (db: Database, address: string | null = null, who = email) => authenticateWithPassword(db, { email: who, password: "a wrong guess" }, address);
  const right = (db: Database, address: string | null = null) => authenticateWithPassword(db, { email, password }, address);

  it("refuses the 11th attempt inside 15 minutes even with the right password, across two instances", async () => {
    for (let attempt = 0; attempt < SIGN_IN_FAILURE_LIMIT; attempt++) await wrong(attempt % 2 ? first : second);
    const refused = await right(first);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.retryAt!.getTime() - Date.now()).toBeGreaterThan((SIGN_IN_WINDOW_MINUTES - 1) * 60_000);
    expect(!refused.ok && signInRefusalMessage(`throttled:${refused.retryAt!.toISOString()}`)).toMatch(/^Too many failed sign-ins\. Try again in 1[45] minutes\.$/);
    const { rows } = await database.pool.query("SELECT count(*)::int AS n FROM variance_dashboard.audit_events WHERE action = 'auth.sign_in_throttled'");
    expect(rows[0].n).toBe(1);
  });

  it("shares the count between two app processes", async () => {
    const attempts = (guess: string, count: number) =>
      runScript("tests/helpers/sign-in-attempts.ts", { DATABASE_URL: database.url }, [email, guess, String(count)]).then(({ stdout, stderr, code }) => {
        if (code !== 0) throw new Error(stderr);
        return stdout.trim().split("\n").map((line) => JSON.parse(line) as { ok: boolean; throttled: boolean });
      });
    const half = SIGN_IN_FAILURE_LIMIT / 2;
    const [one, two] = await Promise.all([attempts("a wrong guess", half), attempts("another wrong guess", half)]);
    expect([...one, ...two].every((result) => !result.ok && !result.throttled)).toBe(true);
    expect(await attempts(password, 1)).toEqual([{ ok: false, throttled: true }]);
  });

  it("parallel guesses cannot slip past the limit", async () => {
    await Promise.all(Array.from({ length: SIGN_IN_FAILURE_LIMIT + 5 }, (_, index) => wrong(index % 2 ? first : second)));
    const { rows } = await database.pool.query("SELECT count(*)::int AS n FROM variance_dashboard.audit_events WHERE action = 'auth.sign_in_refused'");
    expect(rows[0].n).toBe(SIGN_IN_FAILURE_LIMIT);
    expect((await right(second)).ok).toBe(false);
  });

  it("a successful sign-in clears the count", async () => {
    for (let attempt = 0; attempt < SIGN_IN_FAILURE_LIMIT - 1; attempt++) await wrong(first);
    expect((await right(first)).ok).toBe(true);
    for (let attempt = 0; attempt < SIGN_IN_FAILURE_LIMIT - 1; attempt++) await wrong(second);
    expect((await right(second)).ok).toBe(true);
  });

  it("forgets refusals older than the window", async () => {
    for (let attempt = 0; attempt < SIGN_IN_FAILURE_LIMIT; attempt++) await wrong(first);
    await database.pool.query(
      `UPDATE variance_dashboard.audit_events SET occurred_at = occurred_at - interval '${SIGN_IN_WINDOW_MINUTES + 1} minutes' WHERE action = 'auth.sign_in_refused'`,
    );
    expect((await right(first)).ok).toBe(true);
  });

  it("limits a client address across accounts, but never lumps unknown addresses together", async () => {
    for (let attempt = 0; attempt < SIGN_IN_FAILURE_LIMIT; attempt++) await wrong(first, "203.0.113.7", `guess${attempt}@example.com`);
    expect((await right(first, "203.0.113.7")).ok).toBe(false);
    expect((await right(first, "198.51.100.2")).ok).toBe(true);

    await database.pool.query("DELETE FROM variance_dashboard.audit_events WHERE action LIKE 'auth.%'");
    for (let attempt = 0; attempt < SIGN_IN_FAILURE_LIMIT; attempt++) await wrong(first, null, `other${attempt}@example.com`);
    expect((await right(first, null)).ok).toBe(true);
  });
});
