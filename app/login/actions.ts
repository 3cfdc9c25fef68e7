"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { ENTRA_PROVIDER_ID, signIn } from "@/lib/auth/auth";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { signInRefusalMessage } from "@/lib/auth/sign-in-messages";

export interface SignInState {
  error?: string;
}

export async function signInWithPassword(_previous: SignInState, form: FormData): Promise<SignInState> {
  try {
    await signIn("credentials", {
      email: form.get("email"),
      password: form.get("password"),
      redirectTo: safeCallbackPath(String(form.get("callbackPath") ?? "/")),
    });
    return {};
  } catch (error) {
    // signIn redirects by throwing: only Auth.js's own errors are a failed sign-in.
    if (error instanceof AuthError)
      return { error: signInRefusalMessage(error instanceof CredentialsSignin ? error.code : undefined) };
    throw error;
  }
}

/** Hands the browser to Microsoft Entra ID; the callback decides who may in (lib/auth/sso-sign-in.ts). */
export async function signInWithEntra(form: FormData): Promise<void> {
  await signIn(ENTRA_PROVIDER_ID, { redirectTo: safeCallbackPath(String(form.get("callbackPath") ?? "/")) });
}
