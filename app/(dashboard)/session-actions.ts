"use server";

import { signOutEverywhere } from "@/lib/accounts/sign-out-everywhere";
import { getActor } from "@/lib/auth/actor";
import { signOut } from "@/lib/auth/auth";
import { getPrisma } from "@/lib/db/prisma";

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}

/** Ends every session of the signed-in person (other browsers on their next request), then this one. */
export async function signOutEverywhereAction(): Promise<void> {
  const actor = await getActor();
  if (actor) await signOutEverywhere(getPrisma(), actor);
  await signOut({ redirectTo: "/login" });
}
