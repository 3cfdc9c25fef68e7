"use client";

import { useEffect, useState } from "react";

export type DatabaseStatus = "checking" | "up" | "down";

/** How long a page waiting for the database waits between two questions (cheap: one health check). */
export const DATABASE_RETRY_SECONDS = 1;

/** Asks the public health check whether the server can reach its database (503 when it cannot). */
export async function probeDatabase(): Promise<Exclude<DatabaseStatus, "checking">> {
  try {
    const response = await fetch("/api/health", { cache: "no-store", signal: AbortSignal.timeout(10_000) });
    return response.status === 503 ? "down" : "up";
  } catch {
    // The app server itself did not answer: nothing here can tell whether the database is down.
    return "up";
  }
}

/** Whether the database answers, asked once when the component mounts. */
export function useDatabaseStatus(): DatabaseStatus {
  const [status, setStatus] = useState<DatabaseStatus>("checking");
  useEffect(() => {
    let current = true;
    void probeDatabase().then((result) => current && setStatus(result));
    return () => {
      current = false;
    };
  }, []);
  return status;
}
