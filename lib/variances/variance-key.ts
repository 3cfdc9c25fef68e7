import { Prisma } from "@/lib/generated/prisma/client";
import { canonicalHostnameKey } from "@/lib/inventory/hostname-key";

/**
 * A variance is (exception type, canonical hostname key): the thing a person triages,
 * stable while the checks delete and recreate exception rows day after day.
 */
export interface VarianceId {
  type: string;
  key: string;
}

export const varianceKeyOf = (hostname: string) => canonicalHostnameKey(hostname);

/**
 * The same key in SQL, over an `exceptions` row aliased `e`; it must agree with
 * canonicalHostnameKey (tests/integration check both on the demo data).
 */
export const VARIANCE_KEY_SQL = Prisma.sql`lower(split_part(split_part(e.hostname, '|', 1), '.', 1))`;

/** The audit subject id and URL form of a variance. */
export const varianceSubjectId = ({ type, key }: VarianceId) => `${type}/${key}`;

export const variancePath = ({ type, key }: VarianceId) => `/variances/${encodeURIComponent(type)}/${encodeURIComponent(key)}`;
