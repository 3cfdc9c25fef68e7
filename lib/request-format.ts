import { headers } from "next/headers";
import { cache } from "react";
import { formatterFor } from "@/lib/format";
import { negotiateLocale } from "@/lib/locale";

/**
 * The formatter for the current request's Accept-Language. Cached per request so the header
 * is negotiated once however many components format numbers.
 * Async components: `await requestFormat()`; others: `use(requestFormat())`.
 */
export const requestFormat = cache(async () => formatterFor(negotiateLocale((await headers()).get("accept-language"))));
