"use client";

import { useTransition } from "react";
import { useDatabaseStatus } from "./database-status";
import { DatabaseUnreachable } from "./database-unreachable";

/** What Next.js hands an error boundary (error.tsx, global-error.tsx). */
export interface ErrorBoundaryProps {
  error: Error & { digest?: string };
  reset: () => void;
  retry: () => void;
}

/**
 * Every error boundary's body. Its retry fetches the section again from the server (reset alone
 * would re-render the same failed server payload). The browser only gets a digest of a server
 * error, so it asks the health check whether the database is the cause, and if so shows the
 * retrying page instead; otherwise it shows the digest, which is the one thing that ties a
 * person's report to the server's log line for the error.
 */
export function SectionError({ title, error, retry }: { title: string } & ErrorBoundaryProps) {
  const [pending, startTransition] = useTransition();
  const database = useDatabaseStatus();
  if (database === "checking")
    return (
      <p role="status" className="text-sm">
        Checking the database…
      </p>
    );
  if (database === "down") return <DatabaseUnreachable />;
  return (
    <section
      role="alert"
      className="rounded-lg border border-rose-200 bg-rose-50 p-6 text-rose-950 dark:border-rose-900 dark:bg-rose-950 dark:text-rose-50"
    >
      <h1 className="text-lg font-semibold">{title}</h1>
      <p className="mt-2 text-sm">
        The database may be unreachable or busy. Try again; if it keeps failing, give your administrator this reference,
        which finds the error in the server&apos;s log.
      </p>
      <p className="mt-2 text-sm" data-testid="error-reference">
        Reference: <code className="font-mono">{error.digest ?? "none"}</code>
      </p>
      <button
        type="button"
        disabled={pending}
        onClick={() => startTransition(retry)}
        className="mt-4 rounded-md bg-rose-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-rose-800 disabled:opacity-60"
      >
        {pending ? "Trying again…" : "Try again"}
      </button>
    </section>
  );
}
