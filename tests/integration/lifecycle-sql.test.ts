import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, type ReportDate } from "@/lib/calendar-date";
import { createPrismaClient, type Database } from "@/lib/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";
import { deriveLifecycle, type LifecycleInput } from "@/lib/variances/lifecycle";
import { lifecycleSql } from "@/lib/variances/lifecycle-sql";
import { createEmptyDatabase, type TestDatabase } from "../helpers/test-database";

let database: TestDatabase;
let db: Database;

beforeAll(async () => {
  database = await createEmptyDatabase();
  db = createPrismaClient(database.url);
});
afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});

const EPOCH = "2026-01-01";
// A short span, so that equal dates (resolved on the report, snoozed until today) come up often.
const date = fc.integer({ min: 0, max: 12 }).map((days) => addDays(EPOCH, days));
const variance = fc.record({
  presentOnReport: fc.boolean(),
  resolvedReportDate: fc.option(date, { nil: null }),
  snoozedUntil: fc.option(date, { nil: null }),
});

/** The SQL lifecycle of many variances at once, for one report date and one today. */
async function sqlLifecycles(
  variances: Omit<LifecycleInput, "reportDate" | "today">[],
  reportDate: ReportDate,
  today: ReportDate,
) {
  const { status, regressed } = lifecycleSql(
    {
      presentOnReport: Prisma.raw("v.present"),
      resolvedReportDate: Prisma.raw("v.resolved"),
      snoozedUntil: Prisma.raw("v.snoozed"),
    },
    reportDate,
    today,
  );
  return db.$queryRaw<{ status: string; regressed: boolean }[]>`
    SELECT ${status} AS status, ${regressed} AS regressed
    FROM unnest(${variances.map((v) => v.presentOnReport)}::boolean[],
                ${variances.map((v) => v.resolvedReportDate)}::date[],
                ${variances.map((v) => v.snoozedUntil)}::date[]) WITH ORDINALITY AS v (present, resolved, snoozed, n)
    ORDER BY v.n`;
}

describe("the lifecycle in SQL", () => {
  it("agrees with deriveLifecycle on random histories and triage states, for any report date and day", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(variance, { minLength: 1, maxLength: 200 }),
        date,
        date,
        async (variances, reportDate, today) => {
          const expected = variances.map((v) => deriveLifecycle({ ...v, reportDate, today }));
          expect(await sqlLifecycles(variances, reportDate, today)).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("is not vacuous: every status and a regression come up", async () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(variance, date, date, (v, reportDate, today) => {
        const lifecycle = deriveLifecycle({ ...v, reportDate, today });
        seen.add(lifecycle.status);
        if (lifecycle.regressed) seen.add("regressed");
      }),
      { numRuns: 2000 },
    );
    expect([...seen].sort()).toEqual(["cleared", "open", "regressed", "resolved", "snoozed", "verified"]);
  });
});
