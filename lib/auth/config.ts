import type { NextAuthConfig } from "next-auth";

/** Reachable without a session: the sign-in page, Auth.js's own endpoints, and health. */
export function isPublicPath(pathname: string): boolean {
  return pathname === "/login" || pathname.startsWith("/api/auth/") || pathname === "/api/health";
}

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string };
  }
}

/**
 * The part of the Auth.js configuration that needs no database, shared by the proxy
 * (which redirects signed-out visitors, see proxy.ts) and the full configuration in ./auth.ts.
 */
export const authConfig = {
  pages: { signIn: "/login" },
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  providers: [],
  callbacks: {
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
} satisfies NextAuthConfig;
