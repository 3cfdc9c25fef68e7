import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { isPublicPath } from "@/lib/auth/config";

interface Route {
  path: string;
  kind: "page" | "handler";
}

/** Every page and route handler under app/, so a new route is covered without editing this test. */
function appRoutes(dir = "app", segments: string[] = []): Route[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry): Route[] => {
    if (entry.isDirectory()) {
      const segment = entry.name.startsWith("(") ? null : entry.name.replace(/^\[\.\.\.(\w+)\]$/, "sample/path").replace(/^\[(\w+)\]$/, "sample");
      return appRoutes(path.join(dir, entry.name), segment ? [...segments, segment] : segments);
    }
    const kind = /^page\.tsx$/.test(entry.name) ? "page" : /^route\.ts$/.test(entry.name) ? "handler" : null;
    return kind ? [{ path: `/${segments.join("/")}`, kind }] : [];
  });
}

const routes = appRoutes();

test("the route list is discovered from the app folder", () => {
  expect(routes.map((route) => route.path)).toEqual(expect.arrayContaining(["/", "/login", "/api/health"]));
});

for (const route of routes.filter((candidate) => !isPublicPath(candidate.path))) {
  test(`${route.path} returns no data without a session`, async ({ request }) => {
    for (const method of route.kind === "page" ? ["GET"] : ["GET", "POST"]) {
      const response = await request.fetch(route.path, { method, maxRedirects: 0, failOnStatusCode: false });
      if (route.kind === "page") {
        expect(response.status()).toBe(307);
        expect(response.headers().location).toContain("/login");
      } else {
        expect(response.status()).toBe(401);
      }
    }
  });
}

test("health answers without a session and reveals nothing else", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(Object.keys(body).sort()).toEqual(["database", "freshness", "latestMatchingDate", "status"]);
  expect(body.database).toBe("up");
});
