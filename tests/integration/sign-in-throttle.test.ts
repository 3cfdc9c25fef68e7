import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { clientAddressOf } from "@/lib/auth/client-address";
import { authenticateWithPassword } from "@/lib/auth/credentials";
import { signInRefusalMessage } from "@/lib/auth/sign-in-messages";
import {
  SIGN_IN_ACCOUNT_FAILURE_LIMIT,
  SIGN_IN_ADDRESS_FAILURE_LIMIT,
  SIGN_IN_WINDOW_MINUTES,
} from "@/lib/auth/sign-in-throttle";
import { createLocalUser } from "@/lib/auth/users";
import { parseTrustedProxies } from "@/lib/config/trusted-proxies";
import { createPrismaClient, type Database } from "@/lib/db/prisma";
import { runScript } from "../helpers/run-script";
import { createUpstreamDatabase, migrateTestDatabase, type TestDatabase } from "../helpers/test-database";

const password = "correct horse battery staple";
const email = "tess@example.com";
const colleague = "cole@example.com";

// What scripts/peer-address-preload.cjs does in the server: name the header carrying the TCP peer.
const PEER_HEADER = "x-variance-dashboard-peer-address";
(globalThis as Record<symbol, unknown>)[Symbol.for("variance-dashboard.peer-address-header")] = PEER_HEADER;

/** The address the throttle is given for a request from `peer` carrying `forwardedFor`, as lib/auth/auth.ts derives it. */
const addressFor = (trustedProxies: string, peer: string, forwardedFor?: string) =>
  clientAddressOf(
    new Headers({ [PEER_HEADER]: peer, ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}) }),
    parseTrustedProxies(trustedProxies),
  );

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
    await createLocalUser(first, { email: colleague, name: "Cole", role: "technician", password }, "test");
  });
  beforeEach(async () => {
    await database.pool.query("DELETE FROM variance_dashboard.audit_events WHERE action LIKE 'auth.%'");
  });
  afterAll(async () => {
    await first.$disconnect();
    await second.$disconnect();
    await database.drop();
  });

  const wrong = (db: Database, address: string | null = null, who = email) =>
    authenticateWithPassword(db, { email: who, password: "a wrong guess" }, address);
  const right = (db: Database, address: string | null = null, who = email) =>
    authenticateWithPassword(db, { email: who, password }, address);

  it("refuses the 11th attempt inside 15 minutes even with the right password, across two instances", async () => {
    for (let attempt = 0; attempt < SIGN_IN_ACCOUNT_FAILURE_LIMIT; attempt++) await wrong(attempt % 2 ? first : second);
    const refused = await right(first);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.retryAt!.getTime() - Date.now()).toBeGreaterThan(
      (SIGN_IN_WINDOW_MINUTES - 1) * 60_000,
    );
    expect(!refused.ok && signInRefusalMessage(`throttled:${refused.retryAt!.toISOString()}`)).toMatch(
      /^Too many failed sign-ins\. Try again in 1[45] minutes\.$/,
    );
    const { rows } = await database.pool.query(
      "SELECT count(*)::int AS n FROM variance_dashboard.audit_events WHERE action = 'auth.sign_in_throttled'",
    );
    expect(rows[0].n).toBe(1);
  });

  it("shares the count between two app processes", async () => {
    const attempts = (guess: string, count: number) =>
      runScript("tests/helpers/sign-in-attempts.ts", { DATABASE_URL: database.url }, [
        email,
        guess,
        String(count),
      ]).then(({ stdout, stderr, code }) => {
        if (code !== 0) throw new Error(stderr);
        return stdout
          .trim()
          .split("\n")
          .map((line) => JSON.parse(line) as { ok: boolean; throttled: boolean });
      });
    const half = SIGN_IN_ACCOUNT_FAILURE_LIMIT / 2;
    const [one, two] = await Promise.all([attempts("a wrong guess", half), attempts("another wrong guess", half)]);
    expect([...one, ...two].every((result) => !result.ok && !result.throttled)).toBe(true);
    expect(await attempts(password, 1)).toEqual([{ ok: false, throttled: true }]);
  });

  it("parallel guesses cannot slip past the limit", async () => {
    await Promise.all(
      Array.from({ length: SIGN_IN_ACCOUNT_FAILURE_LIMIT + 5 }, (_, index) => wrong(index % 2 ? first : second)),
    );
    const { rows } = await database.pool.query(
      "SELECT count(*)::int AS n FROM variance_dashboard.audit_events WHERE action = 'auth.sign_in_refused'",
    );
    expect(rows[0].n).toBe(SIGN_IN_ACCOUNT_FAILURE_LIMIT);
    expect((await right(second)).ok).toBe(false);
  });

  it("a successful sign-in clears the count", async () => {
    for (let attempt = 0; attempt < SIGN_IN_ACCOUNT_FAILURE_LIMIT - 1; attempt++) await wrong(first);
    expect((await right(first)).ok).toBe(true);
    for (let attempt = 0; attempt < SIGN_IN_ACCOUNT_FAILURE_LIMIT - 1; attempt++) await wrong(second);
    expect((await right(second)).ok).toBe(true);
  });

  it("forgets refusals older than the window", async () => {
    for (let attempt = 0; attempt < SIGN_IN_ACCOUNT_FAILURE_LIMIT; attempt++) await wrong(first);
    await database.pool.query(
      `UPDATE variance_dashboard.audit_events SET occurred_at = occurred_at - interval '${SIGN_IN_WINDOW_MINUTES + 1} minutes' WHERE action = 'auth.sign_in_refused'`,
    );
    expect((await right(first)).ok).toBe(true);
  });

  it("locks the mistyped account only: a colleague at the same address signs in at once, with or without a trusted proxy", async () => {
    // No trusted proxy: Next.js puts the socket's address (::1 here) in X-Forwarded-For; it is not counted.
    const direct = addressFor("", "::1", "::1");
    expect(direct).toBeNull();
    for (let attempt = 0; attempt < SIGN_IN_ACCOUNT_FAILURE_LIMIT; attempt++) await wrong(first, direct);
    expect((await right(first, direct)).ok).toBe(false);
    expect((await right(first, direct, colleague)).ok).toBe(true);

    await database.pool.query("DELETE FROM variance_dashboard.audit_events WHERE action LIKE 'auth.%'");
    // Behind a trusted proxy both sit behind the office's one NAT address.
    const office = addressFor("127.0.0.1", "::ffff:127.0.0.1", "203.0.113.7");
    expect(office).toBe("203.0.113.7");
    for (let attempt = 0; attempt < SIGN_IN_ACCOUNT_FAILURE_LIMIT; attempt++) await wrong(first, office);
    expect((await right(first, office)).ok).toBe(false);
    expect((await right(first, office, colleague)).ok).toBe(true);
  });

  it("ignores X-Forwarded-For unless the request comes from a trusted proxy, and then believes only the proxy's hop", async () => {
    expect(addressFor("", "198.51.100.9", "203.0.113.7")).toBeNull();
    expect(addressFor("10.0.0.0/8", "198.51.100.9", "203.0.113.7")).toBeNull();
    // The client wrote "192.0.2.1"; the proxy appended the address it saw.
    expect(addressFor("10.0.0.0/8", "10.0.0.5", "192.0.2.1, 203.0.113.7")).toBe("203.0.113.7");
    // Two trusted proxies in a row are skipped.
    expect(addressFor("10.0.0.0/8,fd00::/8", "fd00::2", "192.0.2.1, 203.0.113.7, 10.0.0.5")).toBe("203.0.113.7");
    // A request without the stamped peer (the server started without scripts/start.ts) believes nothing.
    expect(
      clientAddressOf(new Headers({ "x-forwarded-for": "203.0.113.7" }), parseTrustedProxies("0.0.0.0/0")),
    ).toBeNull();
  });

  it("limits a client address across accounts behind a trusted proxy, at a limit an office's typos do not reach", async () => {
    const attacker = addressFor("127.0.0.1", "127.0.0.1", "203.0.113.66")!;
    for (let attempt = 0; attempt < SIGN_IN_ADDRESS_FAILURE_LIMIT; attempt++)
      await wrong(attempt % 2 ? first : second, attacker, `guess${attempt}@example.com`);
    const refused = await right(first, attacker, colleague);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.retryAt).toBeInstanceOf(Date);
    expect((await right(first, "198.51.100.2", colleague)).ok).toBe(true);

    await database.pool.query("DELETE FROM variance_dashboard.audit_events WHERE action LIKE 'auth.%'");
    for (let attempt = 0; attempt < SIGN_IN_ADDRESS_FAILURE_LIMIT; attempt++)
      await wrong(first, null, `other${attempt}@example.com`);
    expect((await right(first, null)).ok).toBe(true);
  });

  it("does not let a sprayer reset its address's count by signing in with an account of its own", async () => {
    const attacker = addressFor("127.0.0.1", "127.0.0.1", "203.0.113.66")!;
    for (let attempt = 0; attempt < SIGN_IN_ADDRESS_FAILURE_LIMIT - 1; attempt++)
      await wrong(first, attacker, `guess${attempt}@example.com`);
    expect((await right(first, attacker, colleague)).ok).toBe(true);
    await wrong(first, attacker, "one-more@example.com");
    expect((await right(first, attacker, colleague)).ok).toBe(false);
    expect((await right(first, "198.51.100.2", colleague)).ok).toBe(true);
  });
});
