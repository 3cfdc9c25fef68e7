"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { useDatabaseStatus } from "./database-status";
import { DatabaseUnreachable } from "./database-unreachable";

/**
 * An error boundary's body with a retry that fetches the section again from the server
 * (reset alone would re-render the same failed server payload). The browser only gets a
 * digest of a server error, so it asks the health check whether the database is the cause;
 * if so it shows the retrying page instead.
 */
export function SectionError({
  title,
  error,
  reset,
}: {
  title: string;
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const router = useRouter();
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
      className="rounded-lg border border-rose-200 bg-rose-50 p-6 dark:border-rose-900 dark:bg-rose-950"
    >
      <h1 className="text-lg font-semibold">{title}</h1>
      <p className="mt-2 text-sm">
        The database may be unreachable or busy. Try again; if it keeps failing, give your administrator this reference:{" "}
        <code>{error.digest ?? "none"}</code>.
      </p>
      <button
        type="button"
        disabled={pending}
        onClick={() =>
          startTransition(() => {
            router.refresh();
            reset();
          })
        }
        className="mt-4 rounded-md bg-rose-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-rose-800 disabled:opacity-60"
      >
        {pending ? "Trying again…" : "Try again"}
      </button>
    </section>
  );
}
