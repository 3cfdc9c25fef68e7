import http from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { normalizeAddress, parseTrustedProxies, TrustedProxiesError } from "@/lib/config/trusted-proxies";

describe("trusted proxies", () => {
  it("matches addresses and CIDR ranges of both families, IPv4-mapped IPv6 included", () => {
    const trusted = parseTrustedProxies(" 10.0.0.0/8, 192.0.2.10 ,fd00::/8");
    expect(trusted.size).toBe(3);
    for (const address of ["10.1.2.3", "192.0.2.10", "fd00::1"]) expect(trusted.has(address)).toBe(true);
    for (const address of ["11.0.0.1", "192.0.2.11", "fe80::1"]) expect(trusted.has(address)).toBe(false);
    expect(trusted.has(normalizeAddress("::ffff:10.9.9.9")!)).toBe(true);
    expect(parseTrustedProxies(undefined).size).toBe(0);
  });

  it("refuses an entry that is not an address or a range, by name", () => {
    for (const entry of ["proxy.example.com", "10.0.0.0/33", "10.0.0.0/", "::1/129", "10.0.0.0/8/1"]) {
      expect(() => parseTrustedProxies(`127.0.0.1,${entry}`)).toThrow(TrustedProxiesError);
      expect(() => parseTrustedProxies(entry)).toThrow(entry);
    }
  });

  it("normalises what proxies write in X-Forwarded-For", () => {
    expect(normalizeAddress(" 203.0.113.7:51234")).toBe("203.0.113.7");
    expect(normalizeAddress("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normalizeAddress("::FFFF:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeAddress("unknown")).toBeNull();
    expect(normalizeAddress("")).toBeNull();
  });
});

describe("scripts/peer-address-preload.cjs", () => {
  it("stamps the socket's address over whatever the client sent under that header", async () => {
    createRequire(import.meta.url)("../../scripts/peer-address-preload.cjs");
    const header = (globalThis as Record<symbol, unknown>)[
      Symbol.for("variance-dashboard.peer-address-header")
    ] as string;
    expect(header).toBe("x-variance-dashboard-peer-address");
    const server = http.createServer((request, response) => response.end(JSON.stringify(request.headers)));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/`, {
        headers: { [header]: "10.0.0.1", "x-forwarded-for": "10.0.0.1" },
      });
      const seen = (await response.json()) as Record<string, string>;
      expect(seen[header]).toBe("127.0.0.1");
      expect(seen["x-forwarded-for"]).toBe("10.0.0.1");
    } finally {
      server.close();
    }
  });
});
