import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/actor";
import { LoginForm } from "@/components/auth/login-form";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { entraSettings } from "@/lib/auth/entra-settings";
import { EntraSignInButton } from "@/components/auth/entra-sign-in-button";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const callbackPath = safeCallbackPath((await searchParams).callbackUrl);
  if (await getActor()) redirect(callbackPath);
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <h1 className="text-2xl font-semibold tracking-tight">Variance Dashboard</h1>
        <p className="mt-1 text-sm text-gray-600 dark:text-gray-400">Sign in to triage NinjaOne and ThreatLocker differences.</p>
        {entraSettings() && <EntraSignInButton callbackPath={callbackPath} />}
        <LoginForm callbackPath={callbackPath} />
      </div>
    </main>
  );
}
