"use client";

import { describeChange } from "@/lib/live/variance-change";
import type { VarianceId } from "@/lib/variances/variance-key";
import { useColleagueChange, useFreshChange } from "./live-variances";

/** "Resolved by Dana Lee · just now" beside a variance a colleague changed moments ago; gone after a few seconds. */
export function ChangedByMark({ variance }: { variance: VarianceId }) {
  const change = useColleagueChange(variance, 0);
  if (!useFreshChange(change) || !change) return null;
  return (
    <span
      data-testid="changed-by"
      title={new Date(change.at).toLocaleString()}
      className="inline-flex items-center rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900/60 dark:text-amber-100"
    >
      {describeChange(change)} · just now
    </span>
  );
}
