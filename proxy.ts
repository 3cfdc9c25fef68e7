import { NextResponse } from "next/server";
import NextAuth from "next-auth";
import { databaseUnreachablePage } from "@/lib/api/database-unreachable-page";
import { authConfig, isPublicPath } from "@/lib/auth/config";
import { readEnvironment } from "@/lib/config/environment";
import { databaseReachable } from "@/lib/db/reachability";
import { actionOriginAllowed, CROSS_ORIGIN_ACTION_MESSAGE } from "@/lib/security/action-origin";
import { contentSecurityPolicy, newNonce } from "@/lib/security/content-security-policy";

// Refuses server-action POSTs without a matching Origin (403), redirects signed-out visitors
// early, answers pages with 503 while the database is down, and sets each page's
// Content-Security-Policy. It is not the security boundary: every page, data function and route handler checks the
// session again (lib/auth/actor.ts).
const { auth } = NextAuth(authConfig);
const allowedHosts = readEnvironment().VD_ALLOWED_ORIGINS;

export const proxy = auth(async (request) => {
  const { pathname, href, origin } = request.nextUrl;
  // Before anything else, so that no action code runs for a forged or origin-less call.
  if (!actionOriginAllowed(request, pathname, allowedHosts)) {
    return new Response(CROSS_ORIGIN_ACTION_MESSAGE, {
      status: 403,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  if (!request.auth?.user && !isPublicPath(pathname)) {
    if (pathname.startsWith("/api/")) return Response.json({ error: "Sign in to use this API." }, { status: 401 });
    const signInUrl = new URL("/login", origin);
    signInUrl.searchParams.set("callbackUrl", href);
    return NextResponse.redirect(signInUrl);
  }
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce);
  // A page's status is sent before its data fails, so a page asked for while the database is
  // down is answered 503 here. The sign-in page still renders: it says why nobody can sign in.
  if (
    (request.method === "GET" || request.method === "HEAD") &&
    !pathname.startsWith("/api/") &&
    !isPublicPath(pathname) &&
    !(await databaseReachable(readEnvironment().DATABASE_URL))
  ) {
    const response = databaseUnreachablePage(nonce);
    response.headers.set("Content-Security-Policy", policy);
    return response;
  }
  // On the request, so Next.js and the root layout put the nonce on the page's scripts.
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  // Behind a TLS-terminating proxy the scheme arrives in X-Forwarded-Proto.
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  if (https) response.headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  return response;
});

export const config = {
  matcher: ["/((?!_next/static|_next/image|icon.svg|favicon.ico).*)"],
};
