import { describe, expect, it } from "vitest";
import { allowedOriginHosts } from "@/lib/config/environment";
import { actionOriginAllowed } from "@/lib/security/action-origin";

const post = (pathname: string, headers: Record<string, string>) =>
  [new Request(`http://localhost:3000${pathname}`, { method: "POST", headers }), pathname] as const;
const action = { "next-action": "7f00", host: "localhost:3000" };

describe("server action origin", () => {
  it("refuses an action without Origin or from another site, and accepts its own origin", () => {
    expect(actionOriginAllowed(...post("/variances/a/b", action), [])).toBe(false);
    expect(actionOriginAllowed(...post("/variances/a/b", { ...action, origin: "null" }), [])).toBe(false);
    expect(actionOriginAllowed(...post("/variances/a/b", { ...action, origin: "https://evil.example" }), [])).toBe(
      false,
    );
    expect(actionOriginAllowed(...post("/variances/a/b", { ...action, origin: "http://localhost:3000" }), [])).toBe(
      true,
    );
  });

  it("holds a page POST without Next-Action (a form posted before JavaScript loaded) to the same rule", () => {
    expect(actionOriginAllowed(...post("/login", { host: "localhost:3000" }), [])).toBe(false);
    expect(
      actionOriginAllowed(...post("/login", { host: "localhost:3000", origin: "http://localhost:3000" }), []),
    ).toBe(true);
  });

  it("leaves Auth.js's endpoints and reads alone", () => {
    expect(actionOriginAllowed(...post("/api/auth/callback/credentials", { host: "localhost:3000" }), [])).toBe(true);
    expect(
      actionOriginAllowed(new Request("http://localhost:3000/variances", { headers: action }), "/variances", []),
    ).toBe(true);
  });

  it("behind a proxy: the forwarded host, or a listed public host", () => {
    const proxied = { ...action, host: "127.0.0.1:3000", origin: "https://variance.example.com" };
    expect(actionOriginAllowed(...post("/", proxied), [])).toBe(false);
    expect(actionOriginAllowed(...post("/", { ...proxied, "x-forwarded-host": "variance.example.com" }), [])).toBe(
      true,
    );
    expect(actionOriginAllowed(...post("/", proxied), allowedOriginHosts(" Variance.example.com ,other.example"))).toBe(
      true,
    );
  });
});
