import { describe, expect, it } from "vitest";
import { describeConnectionError } from "@/lib/db/connection-errors";

const url = "postgresql://dash:not-a-real-password@db.example:5433/es_inventory_hub";
const failure = (code: string, message = "x") => Object.assign(new Error(message), { code });

describe("describeConnectionError", () => {
  it("names an unreachable server", () => {
    expect(describeConnectionError(failure("ECONNREFUSED"), url)).toMatch(/Cannot reach the database server at db\.example:5433/);
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
