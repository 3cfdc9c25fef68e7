import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeviceVariances } from "@/components/devices/device-variances";
import { TruncatedBadge } from "@/components/devices/truncated-badge";
import { VendorSnapshotCard } from "@/components/devices/vendor-snapshot-card";
import { PageHeading } from "@/components/ui/page-heading";
import { PresenceStrip } from "@/components/variances/presence-strip";
import { requireActor } from "@/lib/auth/actor";
import { getPrisma } from "@/lib/db/prisma";
import { DEVICE_PRESENCE_DAYS, getDeviceDetail } from "@/lib/devices/device-detail";
import { devicePath } from "@/lib/inventory/device-path";
import { requestFormat } from "@/lib/request-format";

interface Params {
  key: string;
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { key } = await params;
  return { title: decodeURIComponent(key) };
}

const sectionClass = "rounded-lg border border-gray-200 bg-white p-4 dark:border-gray-800 dark:bg-gray-900";

export default async function DevicePage({ params }: { params: Promise<Params> }) {
  const actor = await requireActor();
  const format = await requestFormat();
  const { key } = await params;
  const detail = await getDeviceDetail(getPrisma(), actor, decodeURIComponent(key));
  if (!detail) notFound();

  return (
    <div className="space-y-4">
      <Link href="/devices" className="text-sm text-blue-700 hover:underline dark:text-blue-300">
        ← Search devices
      </Link>
      <PageHeading title={detail.key} badges={detail.truncated && <TruncatedBadge />} />
      {detail.longerKeys.length > 0 && (
        <p
          role="note"
          className="rounded bg-orange-50 px-3 py-2 text-sm wrap-anywhere text-orange-950 dark:bg-orange-950 dark:text-orange-100"
        >
          This is 15 characters long, the NetBIOS limit: Ninja may have cut the name short. ThreatLocker lists longer
          names that start with it:{" "}
          {detail.longerKeys.map((longer, index) => (
            <span key={longer}>
              {index > 0 && ", "}
              <Link href={devicePath(longer)} className="font-medium underline">
                {longer}
              </Link>
            </span>
          ))}
          .
        </p>
      )}

      <section className={sectionClass} aria-labelledby="in-each-tool">
        <h2 id="in-each-tool" className="font-semibold">
          In each tool
        </h2>
        <p className="text-xs text-gray-600 dark:text-gray-400">Each vendor&apos;s newest snapshot.</p>
        <div className="mt-3 grid gap-4 md:grid-cols-2">
          {detail.vendors.map((snapshot) => (
            <VendorSnapshotCard key={snapshot.vendor} snapshot={snapshot} notCollected={detail.notCollected} />
          ))}
        </div>
      </section>

      <section className={sectionClass} aria-labelledby="presence">
        <h2 id="presence" className="font-semibold">
          Days seen, last {DEVICE_PRESENCE_DAYS} days
        </h2>
        <div className="mt-3 space-y-3">
          {detail.presence.map((vendor) => (
            <div key={vendor.vendor} data-testid={`presence-${vendor.vendor}`}>
              <h3 className="text-sm font-medium">{vendor.vendor}</h3>
              <PresenceStrip days={vendor.days} label={`In ${vendor.vendor} on`} />
            </div>
          ))}
        </div>
      </section>

      <section className={sectionClass} aria-labelledby="variances">
        <h2 id="variances" className="font-semibold">
          Variances
        </h2>
        <p className="text-xs text-gray-600 dark:text-gray-400">
          {detail.reportDate
            ? `Status on the report of ${format.reportDate(detail.reportDate)}.`
            : "No report has both vendors yet, so no status can be given."}
        </p>
        {detail.falseMissingNinja && (
          <p
            role="note"
            className="mt-2 rounded bg-orange-50 px-3 py-2 text-sm text-orange-950 dark:bg-orange-950 dark:text-orange-100"
            data-testid="false-missing-ninja"
          >
            Ninja does have this device, under its 15-character name: &ldquo;Missing in Ninja&rdquo; comes from the
            truncated name. Fix the device&apos;s DNS name in Ninja rather than adding it again.
          </p>
        )}
        <div className="mt-2">
          <DeviceVariances variances={detail.variances} />
        </div>
      </section>
    </div>
  );
}
