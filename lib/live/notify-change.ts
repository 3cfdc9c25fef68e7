import type { Actor } from "@/lib/access/roles";
import type { Prisma } from "@/lib/generated/prisma/client";
import { VARIANCE_CHANNEL, type VarianceChange } from "./variance-change";

/**
 * Tells every app process's listener (lib/live/live-hub.ts) about a change, inside the
 * command's transaction: PostgreSQL delivers a NOTIFY only when its transaction commits, so a
 * rolled-back command notifies nobody and a listener never hears of a change it cannot read yet.
 */
export async function notifyVarianceChange(
  tx: Pick<Prisma.TransactionClient, "$executeRaw">,
  actor: Actor,
  change: Omit<VarianceChange, "actorId" | "actorName" | "at">,
): Promise<void> {
  const payload: VarianceChange = {
    ...change,
    actorId: actor.id,
    actorName: actor.name,
    at: new Date().toISOString(),
  };
  await tx.$executeRaw`SELECT pg_notify(${VARIANCE_CHANNEL}, ${JSON.stringify(payload)})`;
}
