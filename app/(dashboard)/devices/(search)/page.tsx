import type { Metadata } from "next";
import { DeviceResults } from "@/components/devices/device-results";
import { DeviceSearchForm } from "@/components/devices/device-search-form";
import { requireActor } from "@/lib/auth/actor";
import { getPrisma } from "@/lib/db/prisma";
import { searchDevices } from "@/lib/devices/device-search";
import { parseDeviceSearchParams } from "@/lib/devices/device-search-params";
import { requestFormat } from "@/lib/request-format";

export const metadata: Metadata = { title: "Devices" };

const emptyClass = "rounded-lg border border-dashed border-gray-300 p-8 text-center dark:border-gray-700";

export default async function DevicesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const format = await requestFormat();
  const { q } = parseDeviceSearchParams(await searchParams);
  const result = q ? await searchDevices(getPrisma(), actor, q) : null;
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Devices</h1>
        <p className="text-sm text-gray-600 dark:text-gray-400">
          Look a device up in both Ninja and ThreatLocker, as each vendor last reported it.
        </p>
      </div>
      <DeviceSearchForm q={q} />
      {!result ? (
        <section className={emptyClass} data-testid="devices-no-query">
          <h2 className="font-semibold">Search for a device</h2>
          <p className="mt-2 text-sm text-gray-600 dark:text-gray-400">
            Type part of a hostname, a display name (often the user&apos;s name) or a serial number. Names cut to 15
            characters by Ninja are matched to the full ThreatLocker name.
          </p>
        </section>
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
            <div className={emptyClass} data-testid="devices-no-results">
              <p className="font-semibold">No device matches “{result.q}”</p>
              <p className="mt-2 text-sm text-gray-600 dark:text-gray-400">
                Neither vendor&apos;s newest snapshot has a hostname or display name containing it. Check the spelling,
                or try a shorter part of the name.
              </p>
            </div>
          ) : (
            <DeviceResults result={result} />
          )}
        </section>
      )}
    </div>
  );
}
