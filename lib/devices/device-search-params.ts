import { z } from "zod";
import { type SearchParams, singleValues } from "@/lib/url-params";

/** Longest search text accepted: a hostname is at most 255 characters, a fragment far less. */
export const DEVICE_QUERY_MAX_LENGTH = 100;

/** `/devices?q=`: the search text, trimmed; a missing, blank or over-long value means no search. */
const deviceSearchParamsSchema = z.object({
  q: z
    .string()
    .trim()
    .max(DEVICE_QUERY_MAX_LENGTH)
    .optional()
    .transform((value) => value || undefined)
    .catch(undefined),
});

export type DeviceSearchParams = z.infer<typeof deviceSearchParamsSchema>;

export const parseDeviceSearchParams = (searchParams: SearchParams): DeviceSearchParams =>
  deviceSearchParamsSchema.parse(singleValues(searchParams));
