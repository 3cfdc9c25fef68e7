import { describe, expect, it } from "vitest";
import { describeConnectionError, isDatabaseUnreachable } from "@/lib/db/connection-errors";

const url = "postgresql://dash:not-a-real-password@db.example:5433/es_inventory_hub";
const failure = (code: string, message = "x") => Object.assign(new Error(message), { code });

describe("describeConnectionError", () => {
  it("names an unreachable server", () => {
    expect(describeConnectionError(failure("ECONNREFUSED"), url)).toMatch(
      /Cannot reach the database server at db\.example:5433/,
    );
  });
  it("says the password is wrong, without repeating it", () => {
    const text = describeConnectionError(failure("28P01"), url);
    expect(text).toMatch(/refused the password for user "dash"/);
    expect(text).not.toContain("not-a-real-password");
  });
  it("names a missing database", () => {
    expect(describeConnectionError(failure("3D000"), url)).toMatch(/"es_inventory_hub" does not exist/);
  });
});

describe("isDatabaseUnreachable", () => {
  it("waits out a server that is down, starting up, shutting down or out of connections", () => {
    for (const code of [
      "ECONNREFUSED",
      "ETIMEDOUT",
      "ENOTFOUND",
      "EAI_AGAIN",
      "EHOSTUNREACH",
      "57P03",
      "57P01",
      "53300",
      "08006",
    ]) {
      expect(isDatabaseUnreachable(failure(code)), code).toBe(true);
    }
    expect(isDatabaseUnreachable(new Error("Connection terminated due to connection timeout"))).toBe(true);
  });

  it("looks through the wrappers: AggregateError, error causes, and Prisma's driver adapter errors", () => {
    expect(isDatabaseUnreachable(new AggregateError([failure("ECONNREFUSED")], "connect failed"))).toBe(true);
    expect(isDatabaseUnreachable(new Error("preflight", { cause: failure("57P03") }))).toBe(true);
    // The shapes @prisma/client 7 with @prisma/adapter-pg throws (seen against a closed port).
    expect(isDatabaseUnreachable(failure("P1001", "Can't reach database server at 127.0.0.1:1"))).toBe(true);
    const raw = Object.assign(failure("P2010"), {
      meta: { driverAdapterError: { cause: { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 1 } } },
    });
    expect(isDatabaseUnreachable(raw)).toBe(true);
  });

  it("refuses to wait for what waiting cannot fix", () => {
    for (const code of ["28P01", "28000", "3D000", "42P01", "42501", "23505"])
      expect(isDatabaseUnreachable(failure(code)), code).toBe(false);
    const wrongPassword = Object.assign(failure("P2010"), {
      meta: { driverAdapterError: { cause: { kind: "AuthenticationFailed", user: "dash" } } },
    });
    expect(isDatabaseUnreachable(wrongPassword)).toBe(false);
    expect(isDatabaseUnreachable(new Error("boom"))).toBe(false);
    expect(isDatabaseUnreachable(null)).toBe(false);
  });
});
