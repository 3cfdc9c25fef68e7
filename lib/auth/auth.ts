import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import MicrosoftEntraID from "next-auth/providers/microsoft-entra-id";
import { readEnvironment } from "@/lib/config/environment";
import { isDatabaseBusy, isDatabaseUnreachable } from "@/lib/db/connection-errors";
import { getPrisma } from "@/lib/db/prisma";
import { logger } from "@/lib/logging/logger";
import { clientAddressOf } from "./client-address";
import { authConfig } from "./config";
import { authenticateWithPassword } from "./credentials";
import { entraSettings } from "./entra-settings";
import { DATABASE_UNREACHABLE_SIGN_IN_CODE } from "./sign-in-messages";
import { authorizeSsoSignIn } from "./sso-sign-in";

export const ENTRA_PROVIDER_ID = "microsoft-entra-id";
const entra = entraSettings();

/** Refused because of too many failures; `code` carries when to try again (ISO time). */
export class SignInThrottledError extends CredentialsSignin {
  constructor(retryAt: Date) {
    super();
    this.code = `throttled:${retryAt.toISOString()}`;
  }
}

/** Not a refusal of the person: the database could not be asked (the sign-in page says so). */
export class SignInDatabaseUnreachableError extends CredentialsSignin {
  code = DATABASE_UNREACHABLE_SIGN_IN_CODE;
}

const trustedProxies = readEnvironment().VD_TRUSTED_PROXIES;

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  logger: {
    // A refused sign-in is an expected outcome (audited in credentials.ts), not a server error.
    error(error) {
      if ((error as { type?: string }).type !== "CredentialsSignin") logger.error({ err: error }, "sign-in error");
    },
  },
  callbacks: {
    ...authConfig.callbacks,
    async signIn({ user, account, profile }) {
      if (account?.provider !== ENTRA_PROVIDER_ID || !entra) return true;
      const result = await authorizeSsoSignIn(getPrisma(), profile, entra.roleClaims);
      if (!result.ok) return `/login/refused?reason=${result.reason}`;
      // The session carries the dashboard's account id, not Entra's subject.
      user.id = result.userId;
      return true;
    },
  },
  providers: [
    ...(entra
      ? [
          MicrosoftEntraID({
            clientId: entra.clientId,
            clientSecret: entra.clientSecret,
            issuer: entra.issuer,
            // Only the OpenID claims: no Graph access, so no profile-photo call at sign-in.
            authorization: { params: { scope: "openid profile email" } },
            profile: (profile) => ({
              id: profile.sub,
              name: profile.name,
              email: profile.email ?? profile.preferred_username,
            }),
          }),
        ]
      : []),
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const result = await authenticateWithPassword(
          getPrisma(),
          credentials,
          clientAddressOf(request.headers, trustedProxies),
        ).catch((error: unknown) => {
          if (isDatabaseUnreachable(error) || isDatabaseBusy(error)) throw new SignInDatabaseUnreachableError();
          throw error;
        });
        if (result.ok) return result.user;
        if (result.retryAt) throw new SignInThrottledError(result.retryAt);
        return null;
      },
    }),
  ],
});
