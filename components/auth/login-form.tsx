"use client";

import { useActionState } from "react";
import { type SignInState, signInWithPassword } from "@/app/login/actions";
import { controlClass, primaryButtonClass } from "@/components/ui/form-styles";

export function LoginForm({ callbackPath }: { callbackPath: string }) {
  const [state, formAction, pending] = useActionState<SignInState, FormData>(signInWithPassword, {});
  return (
    <form action={formAction} className="mt-8 space-y-5" aria-describedby={state.error ? "login-error" : undefined}>
      <input type="hidden" name="callbackPath" value={callbackPath} />
      <div>
        <label htmlFor="email" className="block text-sm font-medium">
          Email
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          // biome-ignore lint/a11y/noAutofocus: signing in is the page's only task; the field is its first step.
          autoFocus
          className={`mt-1 ${controlClass}`}
        />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className={`mt-1 ${controlClass}`}
        />
      </div>
      {state.error && (
        <p
          id="login-error"
          role="alert"
          className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800 dark:bg-rose-950 dark:text-rose-200"
        >
          {state.error}
        </p>
      )}
      <button type="submit" disabled={pending} className={`w-full ${primaryButtonClass}`}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
