import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { connectionConfig } from "@/lib/db/connection-config";

const optionsOf = (connectionString: string | undefined) => new URL(connectionString!).searchParams.get("options");

describe("connectionConfig", () => {
  const zoneBefore = process.env.TZ;
  afterEach(() => {
    if (zoneBefore === undefined) delete process.env.TZ;
    else process.env.TZ = zoneBefore;
  });

  it("asks for a UTC session in the URL, after any options the operator gave, and keeps the caller's settings", () => {
    const plain = connectionConfig("postgresql://app:secret@db.example.com:5432/es_inventory_hub?sslmode=require", {
      max: 3,
    });
    expect(optionsOf(plain.connectionString)).toBe("-c TimeZone=UTC");
    expect(new URL(plain.connectionString!).searchParams.get("sslmode")).toBe("require");
    expect(plain.max).toBe(3);
    const withOptions = connectionConfig("postgresql://app@db/es?options=-c%20search_path%3Dpublic");
    expect(optionsOf(withOptions.connectionString)).toBe("-c search_path=public -c TimeZone=UTC");
  });

  it("falls back to the config's options for a connection string that is not a URL", () => {
    expect(connectionConfig("/var/run/postgresql es_inventory_hub")).toMatchObject({
      connectionString: "/var/run/postgresql es_inventory_hub",
      options: "-c TimeZone=UTC",
    });
  });

  it("parses timestamp (without time zone) as UTC and a date as UTC midnight, in a zone east or west of UTC", () => {
    for (const zone of ["America/Chicago", "Asia/Kolkata"]) {
      process.env.TZ = zone;
      const parse = (oid: number, text: string) =>
        (connectionConfig("postgresql://h/d").types!.getTypeParser(oid, "text") as (value: string) => unknown)(text);
      expect((parse(1114, "2026-11-24 23:30:00.25") as Date).toISOString()).toBe("2026-11-24T23:30:00.250Z");
      expect((parse(1082, "2026-11-24") as Date).toISOString()).toBe("2026-11-24T00:00:00.000Z");
      expect(parse(1114, "infinity")).toBe(Infinity);
      expect(parse(1082, "-infinity")).toBe(-Infinity);
      // Other types keep pg's own parsers.
      expect(parse(23, "42")).toBe(42);
    }
  });

  it("is how every pg Pool, Client and Prisma adapter in the project is created", () => {
    const files = execFileSync("git", ["ls-files", "*.ts", "*.tsx", "*.mjs"], { encoding: "utf8" })
      .split("\n")
      .filter((file) => file && !file.startsWith("lib/generated/"));
    // A PrismaPg over an existing pool (the query counter's) takes that pool's settings.
    const unconfigured = files.flatMap((file) =>
      [
        ...readFileSync(file, "utf8").matchAll(
          /new (?:(?:pg\.)?(?:Pool|Client)|PrismaPg)\((?!\s*connectionConfig\()(?!pool\))/g,
        ),
      ].map(() => file),
    );
    expect(unconfigured).toEqual([]);
  });
});
