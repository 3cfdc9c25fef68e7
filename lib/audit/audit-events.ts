import type { Prisma } from "@/lib/generated/prisma/client";

type AuditWriter = Pick<Prisma.TransactionClient, "audit_events">;

export interface AuditEvent {
  /** Null for events with no signed-in person (a CLI, a failed sign-in). */
  actorUserId: string | null;
  actorEmail: string;
  action: string;
  subjectType: string;
  subjectId: string;
  details?: Prisma.InputJsonObject;
}

/** Appends one event; call it inside the transaction of the change it records. Returns its id. */
export async function recordAuditEvent(db: AuditWriter, event: AuditEvent): Promise<bigint> {
  const { id } = await db.audit_events.create({
    data: {
      actor_user_id: event.actorUserId,
      actor_email: event.actorEmail,
      action: event.action,
      subject_type: event.subjectType,
      subject_id: event.subjectId,
      details: event.details ?? {},
    },
    select: { id: true },
  });
  return id;
}
