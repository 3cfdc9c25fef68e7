import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import type { Role } from "@/lib/access/roles";
import { isPublicPath } from "@/lib/auth/config";
import { signIn } from "./support";

interface Route {
  path: string;
  kind: "page" | "handler";
}

/** Every page and route handler under app/, so a new route is covered without editing this test. */
function appRoutes(dir = "app", segments: string[] = []): Route[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry): Route[] => {
    if (entry.isDirectory()) {
      const segment = entry.name.startsWith("(")
        ? null
        : entry.name.replace(/^\[\.\.\.(\w+)\]$/, "sample/path").replace(/^\[(\w+)\]$/, "sample");
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

/**
 * Every refusal a signed-in person can meet, with its status. Decided before the page streams
 * (never 200 with an error page, never 500): a role check in a layout above any loading
 * boundary, an unknown record in a page no loading boundary wraps.
 */
const DENIED = /have access to this page/;
const NOT_FOUND = /No page at this address/;
const refusals: { role: Role; path: string; status: number; text: RegExp }[] = [
  { role: "technician", path: "/team", status: 403, text: DENIED },
  { role: "technician", path: "/admin/users", status: 403, text: DENIED },
  { role: "manager", path: "/admin/audit", status: 403, text: DENIED },
  { role: "manager", path: "/admin/users", status: 403, text: DENIED },
  { role: "technician", path: "/variances/NOPE/nothing", status: 404, text: NOT_FOUND },
  { role: "technician", path: "/variances/SPARE_MISMATCH/no-such-host", status: 404, text: NOT_FOUND },
  { role: "technician", path: "/devices/no-such-device-anywhere", status: 404, text: /No such device/ },
  { role: "manager", path: "/organizations/No%20Such%20Organization%20Anywhere", status: 404, text: NOT_FOUND },
  { role: "technician", path: "/no-such-page", status: 404, text: NOT_FOUND },
  { role: "technician", path: "/variances/NOPE", status: 404, text: NOT_FOUND },
  { role: "technician", path: "/api/no-such-route", status: 404, text: NOT_FOUND },
  { role: "technician", path: "/api/exceptions?limit=lots", status: 400, text: /Bad parameters/ },
  { role: "technician", path: "/api/variances/export?format=pdf", status: 400, text: /Bad parameters/ },
];

for (const role of ["technician", "manager"] as const) {
  test(`every refusal a ${role} meets answers its own status`, async ({ page }) => {
    await signIn(page, role);
    for (const refusal of refusals.filter((candidate) => candidate.role === role)) {
      if (refusal.path.startsWith("/api/")) {
        const response = await page.request.get(refusal.path, { maxRedirects: 0, failOnStatusCode: false });
        expect(response.status(), refusal.path).toBe(refusal.status);
        expect(await response.text(), refusal.path).toMatch(refusal.text);
        continue;
      }
      // Through the browser, so the page the person sees is checked too.
      expect((await page.goto(refusal.path))!.status(), refusal.path).toBe(refusal.status);
      await expect(page.getByText(refusal.text).first()).toBeVisible();
    }
  });
}

test("the pages a role may open still answer 200", async ({ page }) => {
  await signIn(page, "manager");
  for (const path of ["/", "/variances", "/team", "/devices", "/organizations"]) {
    expect((await page.request.get(path)).status(), path).toBe(200);
  }
});
