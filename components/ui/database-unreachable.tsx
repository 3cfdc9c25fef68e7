"use client";

import { useEffect, useState } from "react";
import { DATABASE_UNREACHABLE_COPY } from "@/lib/api/database-unreachable-page";
import { DATABASE_RETRY_SECONDS, probeDatabase } from "./database-status";

const { title, forUser, forOperator } = DATABASE_UNREACHABLE_COPY;

/**
 * What every page shows while the server cannot reach PostgreSQL: what is wrong, for the
 * person in front of it and for the operator, and a retry every second that reloads
 * the page as soon as the database answers again.
 */
export function DatabaseUnreachable({ headingLevel = "h1" }: { headingLevel?: "h1" | "h2" }) {
  const [lastChecked, setLastChecked] = useState<Date | null>(null);
  const [checking, setChecking] = useState(false);

  /** True when the database answers (the page is then reloading). */
  const check = async () => {
    setChecking(true);
    const status = await probeDatabase();
    if (status === "up") {
      window.location.reload();
      return true;
    }
    setLastChecked(new Date());
    setChecking(false);
    return false;
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: one polling loop for the component's life.
  useEffect(() => {
    // Each question waits for the previous answer: an unreachable host takes the connect timeout to answer.
    let timer: ReturnType<typeof setTimeout>;
    let mounted = true;
    const next = () => {
      timer = setTimeout(async () => {
        if (!(await check()) && mounted) next();
      }, DATABASE_RETRY_SECONDS * 1000);
    };
    next();
    return () => {
      mounted = false;
      clearTimeout(timer);
    };
  }, []);

  const Heading = headingLevel;
  return (
    <section
      aria-labelledby="database-unreachable-title"
      data-testid="database-unreachable"
      className="rounded-lg border border-amber-300 bg-amber-50 p-6 text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-50"
    >
      <Heading id="database-unreachable-title" className="text-lg font-semibold">
        {title}
      </Heading>
      <p className="mt-2 text-sm">{forUser}</p>
      <p className="mt-2 text-sm">
        {forOperator.map((part, index) => (index % 2 ? <code key={part}>{part}</code> : part))}
      </p>
      <p role="status" className="mt-3 text-sm">
        {checking
          ? "Checking…"
          : lastChecked
            ? `Still unreachable at ${lastChecked.toLocaleTimeString()}.`
            : "Waiting for the database…"}
      </p>
      <button
        type="button"
        disabled={checking}
        onClick={() => void check()}
        className="mt-4 rounded-md bg-amber-800 px-3 py-1.5 text-sm font-semibold text-white hover:bg-amber-900 disabled:opacity-60 dark:bg-amber-200 dark:text-amber-950 dark:hover:bg-amber-100"
      >
        Check now
      </button>
    </section>
  );
}
