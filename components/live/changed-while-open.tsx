"use client";

import { useState } from "react";
import { describeChange } from "@/lib/live/variance-change";
import type { VarianceId } from "@/lib/variances/variance-key";
import { useColleagueChange } from "./live-variances";

/**
 * In a triage dialog or panel: says, before you submit, that a colleague changed this variance
 * after you opened it; the page has refreshed underneath, so read it again before you go on.
 */
export function ChangedWhileOpen({ variance }: { variance: VarianceId }) {
  const [openedAt] = useState(() => Date.now());
  const change = useColleagueChange(variance, openedAt);
  if (!change) return null;
  return (
    <p
      role="alert"
      data-testid="changed-while-open"
      className="mb-3 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      {describeChange(change)} · just now, while you had this open. The page now shows the change: check it before you
      submit.
    </p>
  );
}
