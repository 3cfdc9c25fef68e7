import { CommandError } from "@/lib/commands/command-error";
import type { LockedVariance } from "./lock-variances";

/** "2026-11-24 14:05 UTC": unambiguous for people in any time zone. */
const formatChangeTime = (at: Date) => `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** Optimistic concurrency: refuses a command made on a version of the variance that is no longer current. */
export function assertExpectedVersion({ triage }: LockedVariance, expectedVersion: number): void {
  if (triage.version === expectedVersion) return;
  const who = triage.updated_by?.name ?? "someone";
  throw new CommandError(
    "stale",
    `Changed by ${who} at ${formatChangeTime(triage.updated_at)} — reload to see the change.`,
  );
}
