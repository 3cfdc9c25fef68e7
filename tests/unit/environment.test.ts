import { describe, expect, it } from "vitest";
import { EnvironmentError, readEnvironment, readServerEnvironment, readVariable } from "@/lib/config/environment";

describe("the environment schema", () => {
  it("gives every variable its default when none is set, and counts an empty value as unset", () => {
    for (const source of [{}, { VD_SESSION_HOURS: "", PORT: "", VD_DATA_DIR: "" }]) {
      const environment = readEnvironment(source);
      expect(environment).toMatchObject({
        DATABASE_URL: undefined,
        AUTH_SECRET: undefined,
        AUTH_TRUST_HOST: "true",
        VD_SESSION_HOURS: 8,
        VD_ALLOWED_ORIGINS: [],
        VD_DB_POOL_MAX: 10,
        VD_DB_STATEMENT_TIMEOUT_MS: 15_000,
        VD_DB_CONNECT_TIMEOUT_MS: 5_000,
        VD_DB_TRANSACTION_WAIT_MS: 10_000,
        VD_DB_TRANSACTION_TIMEOUT_MS: 30_000,
        VD_ROLLUP_RECHECK_MS: 5_000,
        PORT: 3000,
        VD_DATA_DIR: ".data",
      });
      expect(environment.VD_TRUSTED_PROXIES.size).toBe(0);
    }
  });

  it("parses lists and numbers", () => {
    const environment = readEnvironment({
      VD_ALLOWED_ORIGINS: " Variance.example.com ,other.example",
      VD_TRUSTED_PROXIES: "10.0.0.0/8",
      PORT: "8080",
    });
    expect(environment.VD_ALLOWED_ORIGINS).toEqual(["variance.example.com", "other.example"]);
    expect(environment.VD_TRUSTED_PROXIES.has("10.1.2.3")).toBe(true);
    expect(environment.PORT).toBe(8080);
  });

  it("refuses a bad number by the variable's name, and names every bad variable at once", () => {
    expect(() => readEnvironment({ PORT: "eighty" })).toThrow(/PORT must be a whole number/);
    expect(() => readEnvironment({ VD_DB_POOL_MAX: "0" })).toThrow(EnvironmentError);
    try {
      readEnvironment({ PORT: "70000", VD_TRUSTED_PROXIES: "proxy.example.com", AUTH_URL: "not a url" });
      expect.unreachable();
    } catch (error) {
      expect((error as EnvironmentError).problems).toEqual([
        expect.stringMatching(/^AUTH_URL must be the public URL/),
        expect.stringMatching(/^VD_TRUSTED_PROXIES: "proxy\.example\.com" is not an IP address/),
        "PORT must be at most 65535.",
      ]);
    }
  });

  it("lets scripts run without AUTH_SECRET, but not the server outside the demo", () => {
    const database = { DATABASE_URL: "postgresql://app@db.example/es_inventory_hub" };
    expect(readEnvironment(database).DATABASE_URL).toBe(database.DATABASE_URL);
    expect(() => readServerEnvironment(database)).toThrow(/^AUTH_SECRET is not set/);
    expect(() => readServerEnvironment({ ...database, AUTH_SECRET: "" })).toThrow(/AUTH_SECRET is not set/);
    expect(readServerEnvironment({ ...database, AUTH_SECRET: "secret" }).AUTH_SECRET).toBe("secret");
  });

  it("refuses a server with neither, naming both: only `npm start` makes the demo", () => {
    expect(() => readServerEnvironment({})).toThrow(/DATABASE_URL is not set.*AUTH_SECRET is not set/);
  });

  it("follows process.env when a variable changes", () => {
    const before = process.env.VD_ROLLUP_RECHECK_MS;
    try {
      process.env.VD_ROLLUP_RECHECK_MS = "1234";
      expect(readEnvironment().VD_ROLLUP_RECHECK_MS).toBe(1234);
      expect(readEnvironment()).toBe(readEnvironment());
      process.env.VD_ROLLUP_RECHECK_MS = "0";
      expect(readEnvironment().VD_ROLLUP_RECHECK_MS).toBe(0);
    } finally {
      if (before === undefined) delete process.env.VD_ROLLUP_RECHECK_MS;
      else process.env.VD_ROLLUP_RECHECK_MS = before;
    }
  });

  it("reads one variable alone, so another's mistake does not stop it (the logger's level)", () => {
    const source = { LOG_LEVEL: "warn", VD_DB_POOL_MAX: "0" };
    expect(() => readEnvironment(source)).toThrow(EnvironmentError);
    expect(readVariable("LOG_LEVEL", source)).toBe("warn");
    expect(readVariable("LOG_LEVEL", {})).toBe("info");
    expect(() => readVariable("LOG_LEVEL", { LOG_LEVEL: "verbose" })).toThrow(/LOG_LEVEL must be one of/);
  });
});
