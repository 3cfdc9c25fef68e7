"use client";

import { createContext, use } from "react";
import { type Format, formatterFor } from "@/lib/format";
import { DEFAULT_LOCALE } from "@/lib/locale";

// The server negotiates the locale and hands down only its name: a formatter is a function and
// cannot cross to the client. Server and browser then format with the same locale, so the
// markup hydrates without a mismatch.
const FormatContext = createContext<Format>(formatterFor(DEFAULT_LOCALE));

export function FormatProvider({ locale, children }: { locale: string; children: React.ReactNode }) {
  return <FormatContext value={formatterFor(locale)}>{children}</FormatContext>;
}

/** The request's formatter in a client component. */
export const useFormat = () => use(FormatContext);
