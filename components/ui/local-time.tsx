"use client";

import { useEffect, useState } from "react";

/**
 * A moment in the reader's own time zone. The server renders UTC; the browser replaces it
 * after hydration, so the first paint never mismatches.
 */
export function LocalTime({ value }: { value: Date | string }) {
  const iso = new Date(value).toISOString();
  const [text, setText] = useState(`${iso.replace("T", " ").slice(0, 16)} UTC`);
  useEffect(() => {
    setText(new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso)));
  }, [iso]);
  return <time dateTime={iso}>{text}</time>;
}
