import { z } from "zod";
import { assertCan } from "@/lib/access/permissions";
import type { Actor } from "@/lib/access/roles";
import type { Database } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { optionalText, type SearchParams, singleValues } from "@/lib/url-params";

export const AUDIT_PAGE_SIZE = 50;

/** The audit page's filters as they live in the URL; a bad value falls back to no filter. */
export const auditFiltersSchema = z.object({
  action: optionalText(64).catch(undefined),
  actor: optionalText(320).catch(undefined),
  subject: optionalText(255).catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
export type AuditFilters = z.infer<typeof auditFiltersSchema>;

export const parseAuditFilters = (searchParams: SearchParams): AuditFilters =>
  auditFiltersSchema.parse(singleValues(searchParams));

export interface AuditEntry {
  id: string;
  occurredAt: Date;
  actorEmail: string;
  action: string;
  subjectType: string;
  subjectId: string;
  details: Prisma.JsonValue;
}

export interface AuditPage {
  entries: AuditEntry[];
  total: number;
  pageCount: number;
  /** Every action recorded so far, for the filter's choices. */
  actions: string[];
}

const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 24 * 60 * 60 * 1000);

function whereOf(filters: AuditFilters): Prisma.audit_eventsWhereInput {
  return {
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.actor ? { actor_email: { contains: filters.actor.toLowerCase() } } : {}),
    ...(filters.subject ? { subject_id: { contains: filters.subject } } : {}),
    // Dates are whole UTC days, `to` included.
    ...(filters.from || filters.to
      ? {
          occurred_at: {
            ...(filters.from ? { gte: new Date(`${filters.from}T00:00:00Z`) } : {}),
            ...(filters.to ? { lt: dayAfter(filters.to) } : {}),
          },
        }
      : {}),
  };
}

/** The audit log, newest first, one page at a time. */
export async function listAuditEvents(db: Database, actor: Actor, filters: AuditFilters): Promise<AuditPage> {
  assertCan(actor, "audit:read");
  const where = whereOf(filters);
  const [rows, total, actions] = await Promise.all([
    db.audit_events.findMany({
      where,
      orderBy: { id: "desc" },
      skip: (filters.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: {
        id: true,
        occurred_at: true,
        actor_email: true,
        action: true,
        subject_type: true,
        subject_id: true,
        details: true,
      },
    }),
    db.audit_events.count({ where }),
    db.audit_events.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
  ]);
  return {
    entries: rows.map((row) => ({
      id: row.id.toString(),
      occurredAt: row.occurred_at,
      actorEmail: row.actor_email,
      action: row.action,
      subjectType: row.subject_type,
      subjectId: row.subject_id,
      details: row.details,
    })),
    total,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    actions: actions.map((row) => row.action),
  };
}
