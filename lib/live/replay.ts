import type { Database } from "@/lib/db/prisma";
import type { VarianceChange } from "./variance-change";

/** A reconnect replays at most this many changes, from at most this long ago; beyond, the page reloads its data instead. */
export const REPLAY_MAX_EVENTS = 100;
export const REPLAY_MAX_AGE_MS = 15 * 60_000;

/**
 * The variance changes after audit event `afterId`, oldest first, as their notifications
 * said them; null when there are more than the bound or they go back further than it (the
 * stream then says "resync"). The audit log is the record: nothing else stores changes for replay.
 */
export async function changesAfter(db: Database, afterId: bigint): Promise<VarianceChange[] | null> {
  const events = await db.audit_events.findMany({
    where: { id: { gt: afterId }, subject_type: "variance" },
    orderBy: { id: "asc" },
    take: REPLAY_MAX_EVENTS + 1,
    select: {
      id: true,
      occurred_at: true,
      action: true,
      subject_id: true,
      actor_user_id: true,
      actor_email: true,
      details: true,
      users: { select: { name: true } },
    },
  });
  const oldest = events[0]?.occurred_at.getTime() ?? Date.now();
  if (events.length > REPLAY_MAX_EVENTS || Date.now() - oldest > REPLAY_MAX_AGE_MS) return null;
  return events.flatMap((event) => {
    // "type/key", as lib/variances/variance-key.ts writes it: lib/live sits below lib/variances (its commands notify through it).
    const slash = event.subject_id.indexOf("/");
    if (slash < 1) return [];
    const variance = { type: event.subject_id.slice(0, slash), key: event.subject_id.slice(slash + 1) };
    const after = (event.details as { after?: { version?: unknown } } | null)?.after;
    return {
      id: event.id.toString(),
      ...variance,
      action: event.action,
      version: typeof after?.version === "number" ? after.version : null,
      actorId: event.actor_user_id,
      actorName: event.users?.name ?? event.actor_email,
      at: event.occurred_at.toISOString(),
    };
  });
}

/** The newest audit event's id: a fresh stream's starting point, so that its first reconnect replays from there. */
export async function latestEventId(db: Database): Promise<bigint> {
  const { _max } = await db.audit_events.aggregate({ _max: { id: true } });
  return _max.id ?? 0n;
}
