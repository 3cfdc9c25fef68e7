import type { NextAuthConfig } from "next-auth";
import { sessionCookieName, sessionMaxAgeSeconds } from "./session-settings";

/** Reachable without a session: the sign-in page, Auth.js's own endpoints, and health. */
export function isPublicPath(pathname: string): boolean {
  return (
    pathname === "/login" ||
    pathname === "/login/refused" ||
    pathname.startsWith("/api/auth/") ||
    pathname === "/api/health"
  );
}

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string };
    /** When this session began (ms since epoch): "sign out everywhere" refuses older ones. */
    signedInAt?: number;
  }
}

/**
 * The part of the Auth.js configuration that needs no database, shared by the proxy
 * (which redirects signed-out visitors, see proxy.ts) and the full configuration in ./auth.ts.
 */
export const authConfig = {
  pages: { signIn: "/login" },
  session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds() },
  cookies: { sessionToken: { name: sessionCookieName() } },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      // `user` is only present at sign-in; the time survives every later renewal of the token.
      if (user) token.signedInAt = Date.now();
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      if (typeof token.signedInAt === "number") session.signedInAt = token.signedInAt;
      return session;
    },
  },
} satisfies NextAuthConfig;
