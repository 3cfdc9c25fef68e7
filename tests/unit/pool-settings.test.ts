import { describe, expect, it } from "vitest";
import { poolSettings } from "@/lib/db/pool-settings";

describe("database pool settings", () => {
  it("defaults to 10 connections, 15 s statements and 5 s to connect", () => {
    expect(poolSettings({})).toEqual({ max: 10, statementTimeoutMs: 15_000, connectionTimeoutMs: 5_000 });
  });

  it("follows the environment", () => {
    expect(poolSettings({ VD_DB_POOL_MAX: "4", VD_DB_STATEMENT_TIMEOUT_MS: "2500", VD_DB_CONNECT_TIMEOUT_MS: "1000" })).toEqual({ max: 4, statementTimeoutMs: 2500, connectionTimeoutMs: 1000 });
  });

  it("refuses values that would unbound the pool or the wait, naming the variable", () => {
    expect(() => poolSettings({ VD_DB_POOL_MAX: "0" })).toThrow(/VD_DB_POOL_MAX must be at least 1/);
    expect(() => poolSettings({ VD_DB_STATEMENT_TIMEOUT_MS: "forever" })).toThrow(/VD_DB_STATEMENT_TIMEOUT_MS/);
    expect(() => poolSettings({ VD_DB_POOL_MAX: "1000" })).toThrow(/at most 200/);
  });
});
