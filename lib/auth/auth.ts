import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getPrisma } from "@/lib/db/prisma";
import { authConfig } from "./config";
import { authenticateWithPassword } from "./credentials";

/** Refused because of too many failures; `code` carries when to try again (ISO time). */
export class SignInThrottledError extends CredentialsSignin {
  constructor(retryAt: Date) {
    super();
    this.code = `throttled:${retryAt.toISOString()}`;
  }
}

/** The client as a reverse proxy reports it (first X-Forwarded-For entry); null when not behind one. */
const clientAddressOf = (request: Request) => request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || null;

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  logger: {
    // A refused sign-in is an expected outcome (audited in credentials.ts), not a server error.
    error(error) {
      if ((error as { type?: string }).type !== "CredentialsSignin") console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const result = await authenticateWithPassword(getPrisma(), credentials, clientAddressOf(request));
        if (result.ok) return result.user;
        if (result.retryAt) throw new SignInThrottledError(result.retryAt);
        return null;
      },
    }),
  ],
});
