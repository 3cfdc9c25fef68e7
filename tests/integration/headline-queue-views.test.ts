import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayUtc } from "@/lib/calendar-date";
import { createPrismaClient, type Database } from "@/lib/db/prisma";
import { headlineQueueLinks, type VarianceFigure } from "@/lib/reports/headline-queue-views";
import { getOverviewHeadline, LICENSE_WASTE_TYPE, type OverviewHeadline } from "@/lib/reports/overview-headline";
import { singleValues } from "@/lib/url-params";
import { resolveVariance } from "@/lib/variances/commands/resolve-variance";
import { snoozeVariance } from "@/lib/variances/commands/snooze-variance";
import { getQueue } from "@/lib/variances/queue";
import { parseQueueFilters } from "@/lib/variances/queue-filters";
import { streamQueueVariances } from "@/lib/variances/queue-stream";
import type { VarianceId } from "@/lib/variances/variance-key";
import { createDemoDatabase, DEMO_END_DATE, type TestDatabase } from "../helpers/test-database";
import { createTriageActors, type TriageActors, variancesOn } from "../helpers/variance-fixtures";

/**
 * Each overview card that counts variances links to a queue view; the figure on the card and
 * the total that view shows must be the same number, whatever the triage state of the variances
 * (resolved, verified, regressed, snoozed), on the demo data.
 */
const REPORT = DEMO_END_DATE;
const KEY = "lower(split_part(split_part(e.hostname, '|', 1), '.', 1))";
const VARIANCE_FIGURES: VarianceFigure[] = ["openVariances", "newVariances", "resolvedLast7Days", "licenseWaste"];

describe("the overview's variance cards and the queue views they link to", () => {
  let database: TestDatabase;
  let db: Database;
  let actors: TriageActors;
  const today = todayUtc();
  const rows = async <T>(text: string, values: unknown[] = []) => (await database.pool.query(text, values)).rows as T[];

  /** The queue as the linked page shows it: the link's query parsed the way the page parses its URL. */
  const queueTotalAt = async (href: string) => {
    const url = new URL(href, "http://dashboard.test");
    expect(url.pathname).toBe("/variances");
    // A bare /variances would open on the person's default view, not on this one.
    expect(url.search).not.toBe("");
    const filters = parseQueueFilters(singleValues(url.searchParams));
    const queue = await getQueue(db, actors.manager, filters, today);
    expect(queue.reportDate).toBe(REPORT);
    // The export of that view (its own transaction) lists the same variances.
    let exported = 0;
    for await (const batch of streamQueueVariances(db, actors.manager, filters, REPORT, today))
      exported += batch.length;
    expect(exported).toBe(queue.total);
    return queue.total;
  };

  const expectCardsEqualQueue = async (headline: OverviewHeadline) => {
    const links = headlineQueueLinks(headline);
    expect(Object.keys(links).sort()).toEqual([...VARIANCE_FIGURES].sort());
    for (const figure of VARIANCE_FIGURES) {
      expect({ figure, total: await queueTotalAt(links[figure]!) }).toEqual({
        figure,
        total: headline.current[figure],
      });
    }
  };

  /**
   * The first variance (by type and key) whose dates pass `having`, with `last`: its newest
   * date before the latest report. $1 is the latest report.
   */
  const varianceWhere = async (having: string, values: unknown[] = []) => {
    const [found] = await rows<VarianceId & { last: string | null }>(
      `SELECT e.type, ${KEY} AS key, max(e.date_found) FILTER (WHERE e.date_found < $1::date)::text AS last
       FROM exceptions e GROUP BY 1, 2 HAVING ${having} ORDER BY 1, 2 LIMIT 1`,
      [REPORT, ...values],
    );
    expect(found).toBeDefined();
    return found!;
  };
  const onReport = "bool_or(e.date_found = $1::date)";
  /** Its newest date before the report is within the `days` before it ($2 = days). */
  const lastBeforeWithin = "max(e.date_found) FILTER (WHERE e.date_found < $1::date) > $1::date - $2::int";

  beforeAll(async () => {
    database = await createDemoDatabase();
    db = createPrismaClient(database.url);
    actors = await createTriageActors(db);
    // As upstream does now and then: a spare listed twice (the same device, spelled another way),
    // and two devices that first show up on the latest report.
    await database.pool.query(
      `INSERT INTO exceptions (date_found, type, hostname, details)
       SELECT date_found, type, upper(hostname) || '.corp.example', details FROM exceptions WHERE date_found = $1 AND type = $2 ORDER BY id LIMIT 1`,
      [REPORT, LICENSE_WASTE_TYPE],
    );
    await database.pool.query(
      `INSERT INTO exceptions (date_found, type, hostname, details)
       SELECT date_found, type, 'BRAND-NEW-' || n, details FROM exceptions, generate_series(1, 2) n WHERE date_found = $1 ORDER BY id LIMIT 2`,
      [REPORT],
    );
  });
  afterAll(async () => {
    await db.$disconnect();
    await database.drop();
  });

  it("counts a spare listed twice once", async () => {
    const [counts] = await rows<{ rows: number; variances: number }>(
      `SELECT count(*)::int AS rows, count(DISTINCT ${KEY})::int AS variances FROM exceptions e WHERE e.date_found = $1 AND e.type = $2`,
      [REPORT, LICENSE_WASTE_TYPE],
    );
    expect(counts!.rows).toBeGreaterThan(counts!.variances);
    const headline = await getOverviewHeadline(db, actors.manager, REPORT, today);
    // Nothing is triaged yet: every spare variance on the report is open.
    expect(headline.current.licenseWaste).toBe(counts!.variances);
  });

  it("each card's figure equals the total of the queue view it links to, with triage of every kind", async () => {
    const { technician } = actors;
    const headlineBefore = await getOverviewHeadline(db, actors.manager, REPORT, today);
    const previous = headlineBefore.previousReportDate!;
    expect(previous).not.toBeNull();

    // New on the latest report and resolved at once: still new.
    const appeared = await varianceWhere(`${onReport} AND NOT bool_or(e.date_found = $2::date)`, [previous]);
    await resolveVariance(db, technician, {
      type: appeared.type,
      key: appeared.key,
      expectedVersion: 0,
      note: "Renamed in Ninja",
    });
    // Resolved a few days ago and gone since (verified), resolved over a week ago (outside the
    // 7 days), and resolved a few days ago yet still on the report (regressed: open again, not a fix).
    const verified = await varianceWhere(`NOT ${onReport} AND ${lastBeforeWithin}`, [7]);
    const older = await varianceWhere(`NOT ${onReport} AND NOT ${lastBeforeWithin}`, [7]);
    const regressed = await varianceWhere(`${onReport} AND ${lastBeforeWithin} AND ${KEY} <> $3`, [7, appeared.key]);
    for (const variance of [verified, older, regressed]) {
      await resolveVariance(db, technician, {
        type: variance.type,
        key: variance.key,
        expectedVersion: 0,
        note: "Fixed",
      });
      await database.pool.query(
        "UPDATE variance_dashboard.variance_triage SET resolved_report_date = $3::date WHERE variance_type = $1 AND variance_key = $2",
        [variance.type, variance.key, variance.last],
      );
    }
    // Resolved and snoozed on the latest report: out of "open", the resolved one in "resolved in 7 days".
    const spares = (await variancesOn(database.pool, REPORT, LICENSE_WASTE_TYPE)).filter(
      (spare) => ![appeared.key, regressed.key].includes(spare.key),
    );
    await resolveVariance(db, technician, { ...spares[0]!, expectedVersion: 0, note: "License removed" });
    await snoozeVariance(db, technician, {
      ...spares[1]!,
      expectedVersion: 0,
      days: 7,
      reason: "Waiting for the client",
    });

    const headline = await getOverviewHeadline(db, actors.manager, REPORT, today);
    expect(headline.current.licenseWaste).toBe(
      headlineBefore.current.licenseWaste - (appeared.type === LICENSE_WASTE_TYPE ? 3 : 2),
    );
    expect(headline.current.openVariances).toBe(headlineBefore.current.openVariances - 3);
    expect(headline.current.newVariances).toBe(headlineBefore.current.newVariances);
    // The spare and the new one resolved on the latest report, and the verified one.
    expect(headline.current.resolvedLast7Days).toBe(3);
    for (const figure of VARIANCE_FIGURES) expect(headline.current[figure]).toBeGreaterThan(0);
    await expectCardsEqualQueue(headline);
  });

  it("links the new-variance card to nothing when there is no earlier report", () => {
    expect(headlineQueueLinks({ previousReportDate: null }).newVariances).toBeUndefined();
  });
});
