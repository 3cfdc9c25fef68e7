import NextAuth from "next-auth";
import { authConfig } from "@/lib/auth/config";

// Redirects signed-out visitors early. It is not the security boundary: every page,
// data function and route handler checks the session again (lib/auth/actor.ts).
const { auth } = NextAuth(authConfig);
export { auth as proxy };

export const config = {
  matcher: ["/((?!_next/static|_next/image|icon.svg|favicon.ico).*)"],
};
