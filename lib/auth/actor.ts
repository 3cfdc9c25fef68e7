import { redirect } from "next/navigation";
import { cache } from "react";
import { type Actor, roleSchema } from "@/lib/access/roles";
import { getPrisma } from "@/lib/db/prisma";
import { auth } from "./auth";
import { sessionStillValid } from "./session-settings";

/**
 * The signed-in person for this request, re-read from the database so that a disabled
 * account, a changed role or "sign out everywhere" takes effect at once instead of when the token expires.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await getPrisma().users.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, disabled_at: true, sessions_revoked_at: true },
  });
  if (!user || user.disabled_at || !sessionStillValid(session.signedInAt, user.sessions_revoked_at)) return null;
  return { id: user.id, email: user.email, name: user.name, role: roleSchema.parse(user.role) };
});

/** For pages: the actor, or a redirect to the sign-in page. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  return actor;
}
