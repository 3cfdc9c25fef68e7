import { z } from "zod";
import type { Database } from "@/lib/db/prisma";
import { devicesOn, vendorDayCounts } from "@/lib/inventory/vendor-day-counts";
import { getReportStatus } from "@/lib/report-date/report-status";

/** The access guide's JSON API, answered for the latest matching date unless a date is given. */
export const exceptionsQuerySchema = z
  .object({
    date: z.iso.date("date must be YYYY-MM-DD").optional(),
    type: z.string().min(1).max(64).optional(),
    resolved: z.enum(["true", "false"], "resolved must be true or false").optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  })
  .strict();

export const reportDateQuerySchema = z.object({ date: z.iso.date("date must be YYYY-MM-DD").optional() }).strict();

async function reportDateOf(db: Database, requested: string | undefined) {
  return requested ?? (await getReportStatus(db)).latestMatchingDate;
}

const dateValue = (date: string) => new Date(`${date}T00:00:00Z`);

export async function listExceptions(db: Database, query: z.infer<typeof exceptionsQuerySchema>) {
  const date = await reportDateOf(db, query.date);
  if (!date) return { date: null, total: 0, limit: query.limit, offset: query.offset, items: [] };
  const where = {
    date_found: dateValue(date),
    ...(query.type ? { type: query.type } : {}),
    ...(query.resolved ? { resolved: query.resolved === "true" } : {}),
  };
  const [total, rows] = await Promise.all([
    db.exceptions.count({ where }),
    db.exceptions.findMany({
      where,
      orderBy: [{ type: "asc" }, { hostname: "asc" }, { id: "asc" }],
      take: query.limit,
      skip: query.offset,
      select: {
        id: true,
        date_found: true,
        type: true,
        hostname: true,
        details: true,
        resolved: true,
        resolved_date: true,
        resolved_by: true,
        assigned_to: true,
        notes: true,
      },
    }),
  ]);
  return {
    date,
    total,
    limit: query.limit,
    offset: query.offset,
    items: rows.map((row) => ({
      ...row,
      id: row.id.toString(),
      date_found: row.date_found.toISOString().slice(0, 10),
      resolved_date: row.resolved_date?.toISOString().slice(0, 10) ?? null,
    })),
  };
}

/**
 * The seed guide's stats shape: exception rows per type on a report, duplicates included. The
 * overview's cards count variances instead (lib/reports/headline-queue-views.ts); this stays rows
 * for the scripts written against the guide.
 */
export async function exceptionStats(db: Database, query: z.infer<typeof reportDateQuerySchema>) {
  const date = await reportDateOf(db, query.date);
  if (!date) return { date: null, counts: {} };
  const rows = await db.exceptions.groupBy({
    by: ["type"],
    where: { date_found: dateValue(date) },
    _count: { _all: true },
    orderBy: { type: "asc" },
  });
  return { date, counts: Object.fromEntries(rows.map((row) => [row.type, row._count._all])) };
}

export async function deviceSummary(db: Database, query: z.infer<typeof reportDateQuerySchema>) {
  const date = await reportDateOf(db, query.date);
  if (!date) return { date: null, devices: {} };
  return { date, devices: devicesOn(await vendorDayCounts(db, date, date), date) };
}
