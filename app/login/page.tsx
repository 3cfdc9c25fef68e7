import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { EntraSignInButton } from "@/components/auth/entra-sign-in-button";
import { LoginForm } from "@/components/auth/login-form";
import { DatabaseUnreachableNotice } from "@/components/ui/database-unreachable-notice";
import { PageHeading } from "@/components/ui/page-heading";
import { getActor } from "@/lib/auth/actor";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { entraSettings } from "@/lib/auth/entra-settings";
import { isDatabaseUnreachable } from "@/lib/db/connection-errors";
import type { SearchParams } from "@/lib/url-params";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const callbackPath = safeCallbackPath((await searchParams).callbackUrl);
  // A session cookie makes getActor read the account; with the database down that fails,
  // and the page says so (and retries) instead of failing with it.
  const actor = await getActor().catch((error: unknown) => {
    if (isDatabaseUnreachable(error)) return "database-unreachable" as const;
    throw error;
  });
  if (actor && actor !== "database-unreachable") redirect(callbackPath);
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <PageHeading
          title="Variance Dashboard"
          description="Sign in to triage NinjaOne and ThreatLocker differences."
        />
        <DatabaseUnreachableNotice knownDown={actor === "database-unreachable"} />
        {entraSettings() && <EntraSignInButton callbackPath={callbackPath} />}
        <LoginForm callbackPath={callbackPath} />
      </div>
    </main>
  );
}
