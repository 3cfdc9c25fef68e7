import { z } from "zod";

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

export function parseDeviceSearchParams(
  searchParams: Record<string, string | string[] | undefined>,
): DeviceSearchParams {
  const q = searchParams.q;
  return deviceSearchParamsSchema.parse({ q: Array.isArray(q) ? q[0] : q });
}
