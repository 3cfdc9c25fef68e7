"use client";

import { useDatabaseStatus } from "./database-status";
import { DatabaseUnreachable } from "./database-unreachable";

/** For a page that renders without the database (sign-in): says so when the database is down. */
export function DatabaseUnreachableNotice({ knownDown = false }: { knownDown?: boolean }) {
  const status = useDatabaseStatus();
  if (!knownDown && status !== "down") return null;
  return (
    <div className="mt-6">
      <DatabaseUnreachable headingLevel="h2" />
    </div>
  );
}
