import { describe, expect, it } from "vitest";
import { poolSettings } from "@/lib/db/pool-settings";

describe("database pool settings", () => {
  it("defaults to 10 connections, 15 s statements, 5 s to connect, 10 s to start a transaction and 30 s to run it", () => {
    expect(poolSettings({})).toEqual({
      max: 10,
      statementTimeoutMs: 15_000,
      connectionTimeoutMs: 5_000,
      transactionWaitMs: 10_000,
      transactionTimeoutMs: 30_000,
    });
  });

  it("follows the environment", () => {
    expect(
      poolSettings({
        VD_DB_POOL_MAX: "4",
        VD_DB_STATEMENT_TIMEOUT_MS: "2500",
        VD_DB_CONNECT_TIMEOUT_MS: "1000",
        VD_DB_TRANSACTION_WAIT_MS: "750",
        VD_DB_TRANSACTION_TIMEOUT_MS: "9000",
      }),
    ).toEqual({
      max: 4,
      statementTimeoutMs: 2500,
      connectionTimeoutMs: 1000,
      transactionWaitMs: 750,
      transactionTimeoutMs: 9000,
    });
  });

  it("refuses values that would unbound the pool or the wait, naming the variable", () => {
    expect(() => poolSettings({ VD_DB_POOL_MAX: "0" })).toThrow(/VD_DB_POOL_MAX must be at least 1/);
    expect(() => poolSettings({ VD_DB_STATEMENT_TIMEOUT_MS: "forever" })).toThrow(/VD_DB_STATEMENT_TIMEOUT_MS/);
    expect(() => poolSettings({ VD_DB_POOL_MAX: "1000" })).toThrow(/at most 200/);
    expect(() => poolSettings({ VD_DB_TRANSACTION_WAIT_MS: "0" })).toThrow(
      /VD_DB_TRANSACTION_WAIT_MS must be at least 1/,
    );
    expect(() => poolSettings({ VD_DB_TRANSACTION_TIMEOUT_MS: "soon" })).toThrow(/VD_DB_TRANSACTION_TIMEOUT_MS/);
  });
});
