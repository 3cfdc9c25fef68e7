import { describe, expect, it } from "vitest";
import { getQueue } from "@/lib/variances/queue";
import { parseQueueFilters } from "@/lib/variances/queue-filters";
import { demoDatabaseFixture } from "../helpers/demo-fixture";
import { addOpenVariances, measureExport } from "../helpers/export-scale";
import { DEMO_END_DATE } from "../helpers/test-database";

/**
 * The export at MSP scale. Timings and memory are printed, not asserted (this machine is
 * shared and noisy); `EXPORT_SCALE_ROWS=100000 node --expose-gc …` gives the issue's figure.
 */
const ROWS = Number(process.env.EXPORT_SCALE_ROWS ?? 10_000);
const fixture = demoDatabaseFixture();

describe("exporting the queue with many open variances", () => {
  it(`writes every open variance once when ${ROWS.toLocaleString("en-US")} more are open`, async () => {
    await addOpenVariances(fixture.database.pool, ROWS, DEMO_END_DATE);
    const filters = parseQueueFilters({});
    // Measured first, so nothing else has grown the process yet.
    const csv = await measureExport(fixture.db, fixture.actors.technician, filters, "csv", DEMO_END_DATE);
    const xlsx = await measureExport(fixture.db, fixture.actors.technician, filters, "xlsx", DEMO_END_DATE);

    const { total } = await getQueue(fixture.db, fixture.actors.technician, filters, DEMO_END_DATE);
    expect(total).toBeGreaterThanOrEqual(ROWS);
    expect(csv.lines).toBe(total + 1);
    expect(xlsx.bytes).toBeGreaterThan(0);
    const figures = (m: typeof csv) =>
      `${(m.bytes / 1024 / 1024).toFixed(1)} MB in ${(m.milliseconds / 1000).toFixed(2)} s, peak RSS +${m.peakRssGrowthMb.toFixed(0)} MB, peak heap +${m.peakHeapGrowthMb.toFixed(0)} MB, peak live heap ${m.peakLiveHeapGrowthMb === null ? "(run node with --expose-gc)" : `+${m.peakLiveHeapGrowthMb.toFixed(0)} MB`}`;
    console.info(`export of ${total} variances: CSV ${figures(csv)}; XLSX ${figures(xlsx)}`);
  }, 900_000);
});
