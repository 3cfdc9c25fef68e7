import type { Prisma } from "@/lib/generated/prisma/client";

/** At most this many refused sign-ins for one account in the window; it locks that account only. */
export const SIGN_IN_ACCOUNT_FAILURE_LIMIT = 10;
/**
 * At most this many refused sign-ins from one client address in the window, across accounts (a
 * password spray). Only counted for an address a trusted proxy reports (lib/auth/client-address.ts),
 * and high enough that an office behind one NAT address is not locked out by its own typos.
 */
export const SIGN_IN_ADDRESS_FAILURE_LIMIT = 100;
export const SIGN_IN_WINDOW_MINUTES = 15;

const REFUSED = "auth.sign_in_refused";
const SIGNED_IN = "auth.sign_in";

export interface ThrottleState {
  throttled: boolean;
  /** When the oldest counted refusal leaves the window. */
  retryAt: Date | null;
}

/**
 * Counts refused sign-ins from the audit log itself (append-only, shared by every instance),
 * per account since the later of the window start and that account's last successful sign-in
 * (a success clears the account's count), and per client address over the whole window: a
 * sprayer holding one valid account must not reset its address's count by signing in with it.
 * An unknown address (null) is not counted: every visitor without a trusted proxy's report
 * would share it, and one person's typos would lock everybody out. A limit that is reached
 * refuses until its own oldest counted refusal leaves the window.
 */
export async function signInThrottle(
  tx: Prisma.TransactionClient,
  email: string,
  address: string | null,
  now: Date,
): Promise<ThrottleState> {
  const windowStart = new Date(now.getTime() - SIGN_IN_WINDOW_MINUTES * 60_000);
  const [row] = await tx.$queryRaw<
    { by_email: number; by_address: number; oldest_email: Date | null; oldest_address: Date | null }[]
  >`
    WITH recent AS (
      SELECT action, actor_email, details->>'address' AS address, occurred_at
      FROM variance_dashboard.audit_events
      WHERE action IN (${REFUSED}, ${SIGNED_IN}) AND occurred_at > ${windowStart}
        AND (actor_email = ${email} OR (${address}::text IS NOT NULL AND details->>'address' = ${address}))
    ),
    cleared AS (
      SELECT max(occurred_at) FILTER (WHERE action = ${SIGNED_IN} AND actor_email = ${email}) AS email_success FROM recent
    ),
    counted AS (
      SELECT r.* FROM recent r, cleared c
      WHERE r.action = ${REFUSED}
        AND ((r.actor_email = ${email} AND r.occurred_at > coalesce(c.email_success, '-infinity'))
          OR r.address = ${address})
    )
    SELECT
      count(*) FILTER (WHERE actor_email = ${email})::int AS by_email,
      count(*) FILTER (WHERE address = ${address})::int AS by_address,
      min(occurred_at) FILTER (WHERE actor_email = ${email}) AS oldest_email,
      min(occurred_at) FILTER (WHERE address = ${address}) AS oldest_address
    FROM counted`;
  if (!row) return { throttled: false, retryAt: null };
  const reached = [
    row.by_email >= SIGN_IN_ACCOUNT_FAILURE_LIMIT ? row.oldest_email : null,
    row.by_address >= SIGN_IN_ADDRESS_FAILURE_LIMIT ? row.oldest_address : null,
  ].filter((oldest): oldest is Date => oldest !== null);
  if (reached.length === 0) return { throttled: false, retryAt: null };
  const latest = Math.max(...reached.map((oldest) => oldest.getTime()));
  return { throttled: true, retryAt: new Date(latest + SIGN_IN_WINDOW_MINUTES * 60_000) };
}
