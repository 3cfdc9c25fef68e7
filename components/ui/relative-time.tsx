"use client";

import { useEffect, useState } from "react";
import { relativeTime } from "@/lib/format";
import { useFormat } from "./format-provider";

// Often enough that "just now" does not linger for an hour on an open page.
const REFRESH_MS = 30_000;

/**
 * A moment as "3 hr. ago", its full time in the reader's own zone on hover and for screen readers. The server's rendering may be a minute off the
 * browser's, so the browser redraws it after hydration.
 */
export function RelativeTime({ value }: { value: Date | string }) {
  const { locale } = useFormat();
  const at = new Date(value);
  const [now, setNow] = useState(() => new Date());
  const [full, setFull] = useState(`${at.toISOString().replace("T", " ").slice(0, 16)} UTC`);
  const iso = at.toISOString();
  useEffect(() => {
    setFull(new Intl.DateTimeFormat(locale, { dateStyle: "full", timeStyle: "short" }).format(new Date(iso)));
    setNow(new Date());
    const timer = setInterval(() => setNow(new Date()), REFRESH_MS);
    return () => clearInterval(timer);
  }, [iso, locale]);
  return (
    <time dateTime={iso} title={full} suppressHydrationWarning>
      {relativeTime(at, now, locale)}
      {/* The hover title reaches neither keyboards nor screen readers: the full time is read out too. */}
      <span className="sr-only" suppressHydrationWarning>
        {` (${full})`}
      </span>
    </time>
  );
}
