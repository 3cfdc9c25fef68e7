import type { Metadata } from "next";
import { DeviceResults } from "@/components/devices/device-results";
import { DeviceSearchForm } from "@/components/devices/device-search-form";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeading } from "@/components/ui/page-heading";
import { requireActor } from "@/lib/auth/actor";
import { getPrisma } from "@/lib/db/prisma";
import { searchDevices } from "@/lib/devices/device-search";
import { parseDeviceSearchParams } from "@/lib/devices/device-search-params";
import { requestFormat } from "@/lib/request-format";
import type { SearchParams } from "@/lib/url-params";

export const metadata: Metadata = { title: "Devices" };

export default async function DevicesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  const format = await requestFormat();
  const { q } = parseDeviceSearchParams(await searchParams);
  const result = q ? await searchDevices(getPrisma(), actor, q) : null;
  return (
    <div className="space-y-4">
      <PageHeading
        title="Devices"
        description="Look a device up in both Ninja and ThreatLocker, as each vendor last reported it."
      />
      <DeviceSearchForm q={q} />
      {!result ? (
        <EmptyState heading="h2" title="Search for a device" testId="devices-no-query">
          Type part of a hostname, a display name (often the user&apos;s name) or a serial number. Names cut to 15
          characters by Ninja are matched to the full ThreatLocker name.
        </EmptyState>
      ) : (
        <section aria-labelledby="results-heading" className="space-y-3">
          <div>
            <h2 id="results-heading" className="font-semibold" data-testid="devices-summary">
              {format.count(result.total)} {result.total === 1 ? "device matches" : "devices match"} “{result.q}”
            </h2>
            <p className="text-xs text-gray-600 dark:text-gray-400">
              Searched{" "}
              {result.searchedDates
                .map(
                  (vendor) =>
                    `${vendor.vendor}'s snapshot of ${vendor.date ? format.reportDate(vendor.date) : "(none)"}`,
                )
                .join(" and ")}
              .
            </p>
            {result.total > result.groups.length && (
              <p role="status" className="mt-1 text-sm text-amber-900 dark:text-amber-200" data-testid="results-capped">
                Showing the first {format.count(result.groups.length)} of {format.count(result.total)}. Type more of the
                name to narrow the search.
              </p>
            )}
          </div>
          {result.groups.length === 0 ? (
            <EmptyState heading="h3" title={`No device matches “${result.q}”`} testId="devices-no-results">
              Neither vendor&apos;s newest snapshot has a hostname or display name containing it. Check the spelling, or
              try a shorter part of the name.
            </EmptyState>
          ) : (
            <DeviceResults result={result} />
          )}
        </section>
      )}
    </div>
  );
}
