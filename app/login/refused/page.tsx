import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { PageHeading } from "@/components/ui/page-heading";
import type { SsoRefusal } from "@/lib/auth/sso-sign-in";
import { type SearchParams, singleValues } from "@/lib/url-params";

export const metadata: Metadata = { title: "Sign-in refused" };

const explanations: Record<SsoRefusal, string> = {
  unknown_account: "Microsoft signed you in, but your address is not on this dashboard's list of users.",
  disabled: "Your account on this dashboard has been disabled.",
  linked_elsewhere: "This address belongs to a dashboard account that is linked to a different Microsoft account.",
  no_email: "Microsoft did not tell the dashboard your email address, so it cannot find your account.",
};

const reasonSchema = z.enum(Object.keys(explanations) as [SsoRefusal, ...SsoRefusal[]]).catch("unknown_account");

/** Where a refused Entra ID sign-in lands: what happened and whom to ask, never a stack trace. */
export default async function SignInRefusedPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const reason = reasonSchema.parse(singleValues(await searchParams).reason);
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-md">
        <PageHeading title="You can't sign in yet" />
        <p className="mt-3 text-sm" data-testid="refusal-reason">
          {explanations[reason]}
        </p>
        <p className="mt-3 text-sm text-gray-600 dark:text-gray-400">
          Ask a dashboard admin to add or enable your account (Admin → Users), then sign in again. The attempt has been
          recorded.
        </p>
        <Link
          href="/login"
          className="mt-6 inline-block text-sm font-medium text-blue-700 underline dark:text-blue-300"
        >
          Back to sign-in
        </Link>
      </div>
    </main>
  );
}
