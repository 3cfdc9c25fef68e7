import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChangedByMark } from "@/components/live/changed-by-mark";
import { PageHeading } from "@/components/ui/page-heading";
import { ActivityTimeline } from "@/components/variances/activity-timeline";
import { DetailFields } from "@/components/variances/detail-fields";
import { PresenceStrip } from "@/components/variances/presence-strip";
import { StatusBadge } from "@/components/variances/status-badge";
import { TriagePanel } from "@/components/variances/triage-panel";
import { TypeBadge } from "@/components/variances/type-badge";
import { VarianceFlow } from "@/components/variances/variance-flow";
import { VendorDevices } from "@/components/variances/vendor-devices";
import { can } from "@/lib/access/permissions";
import { requireActor } from "@/lib/auth/actor";
import { activeUsers } from "@/lib/auth/user-directory";
import { getPrisma } from "@/lib/db/prisma";
import { devicePath } from "@/lib/inventory/device-path";
import { DEVICE_VENDOR_NAMES } from "@/lib/inventory/vendors";
import { requestFormat } from "@/lib/request-format";
import type { SearchParams } from "@/lib/url-params";
import { isResolvedStatus } from "@/lib/variances/lifecycle";
import { queuePlace } from "@/lib/variances/queue";
import { parseQueueFilters, QUEUE_PAGE_SIZE, queueQuery } from "@/lib/variances/queue-filters";
import { getVarianceDetail } from "@/lib/variances/variance-detail";
import { type VarianceId, variancePath } from "@/lib/variances/variance-key";
import { viewHref } from "@/lib/views/saved-view";

interface Params {
  type: string;
  key: string;
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { key } = await params;
  return { title: decodeURIComponent(key) };
}

const sectionClass = "rounded-lg border border-gray-200 bg-white p-4 dark:border-gray-800 dark:bg-gray-900";

export default async function VariancePage({
  params,
  searchParams,
}: {
  params: Promise<Params>;
  searchParams: Promise<SearchParams>;
}) {
  const actor = await requireActor();
  const format = await requestFormat();
  const { type, key } = await params;
  const id = { type: decodeURIComponent(type), key: decodeURIComponent(key) };
  const db = getPrisma();
  // The queue it was opened from travels in the URL: back, previous and next follow that list.
  const filters = parseQueueFilters(await searchParams);
  const listQuery = queueQuery({ ...filters, page: 1 });
  const [detail, place] = await Promise.all([getVarianceDetail(db, actor, id), queuePlace(db, actor, filters, id)]);
  if (!detail) notFound();
  const { view } = detail;
  const hrefInList = (variance: VarianceId | null) => variance && `${variancePath(variance)}${listQuery}`;
  const canTriage = can(actor, "variances:triage");
  const definition = view.parsed.kind === "unknown_type" ? null : view.parsed.definition;

  return (
    <div className="space-y-4">
      <VarianceFlow
        variance={id}
        listQuery={listQuery}
        backHref={viewHref(
          queueQuery({ ...filters, page: place ? Math.ceil(place.position / QUEUE_PAGE_SIZE) : filters.page }),
        )}
        place={
          place && {
            position: place.position,
            total: place.total,
            previousHref: hrefInList(place.previous),
            nextHref: hrefInList(place.next),
          }
        }
        resolvableVersion={canTriage && !isResolvedStatus(view.lifecycle.status) ? view.version : null}
      />
      <PageHeading
        title={
          <Link href={devicePath(view.key)} className="hover:underline" title="Open the device page">
            {view.hostname}
          </Link>
        }
        badges={
          <>
            <TypeBadge type={view.type} />
            <StatusBadge lifecycle={view.lifecycle} />
            <ChangedByMark variance={{ type: view.type, key: view.key }} />
          </>
        }
        description={
          <>
            {view.organization} · first seen {format.reportDate(view.firstSeen)} · last seen{" "}
            {format.reportDate(view.lastSeen)} · {view.daysOpen} days open
            {view.rowsOnReport > 1 &&
              ` · ${view.rowsOnReport} rows on the report of ${format.reportDate(detail.reportDate)}`}
          </>
        }
      />

      <div className="grid gap-4 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          <section className={sectionClass} aria-labelledby="what-is-wrong">
            <h2 id="what-is-wrong" className="font-semibold">
              What is wrong
            </h2>
            {definition && <p className="mt-1 text-sm">{definition.description}</p>}
            <p className="mt-1 text-sm font-medium wrap-anywhere" data-testid="variance-summary">
              {view.summary}
            </p>
            {view.parsed.kind === "unexpected" && (
              <p
                role="status"
                className="mt-2 rounded bg-rose-50 px-2 py-1 text-sm text-rose-900 dark:bg-rose-950 dark:text-rose-200"
              >
                Unexpected data: this row&apos;s details do not have the shape this type usually has (
                {view.parsed.issues.join("; ")}). They are shown as stored.
              </p>
            )}
            {view.parsed.kind === "unknown_type" && (
              <p role="status" className="mt-2 text-sm text-gray-600 dark:text-gray-400">
                This dashboard does not know the type {view.type}; its details are shown as stored.
              </p>
            )}
            <div className="mt-3">
              <DetailFields fields={view.parsed.fields} />
            </div>
            {definition && (
              <p className="mt-3 rounded bg-blue-50 px-3 py-2 text-sm text-blue-900 dark:bg-blue-950 dark:text-blue-100">
                <span className="font-semibold">Recommended action: </span>
                {definition.recommendedAction}
              </p>
            )}
          </section>

          <section className={sectionClass} aria-labelledby="devices">
            <h2 id="devices" className="font-semibold">
              The device in each tool on {format.reportDate(view.lastSeen)}
            </h2>
            <div className="mt-3">
              <VendorDevices devices={detail.devices} vendors={[...DEVICE_VENDOR_NAMES]} />
            </div>
          </section>

          <section className={sectionClass} aria-labelledby="presence">
            <h2 id="presence" className="font-semibold">
              Days it appeared
            </h2>
            <div className="mt-3">
              <PresenceStrip days={detail.presence} />
            </div>
          </section>
        </div>

        <div className="space-y-4">
          {canTriage && (
            <TriagePanel
              target={{
                type: view.type,
                key: view.key,
                version: view.version,
                status: view.lifecycle.status,
                assigneeId: view.assigneeId,
              }}
              users={await activeUsers(db, actor)}
            />
          )}
          <section className={sectionClass} aria-labelledby="activity">
            <h2 id="activity" className="font-semibold">
              Notes and activity
            </h2>
            <div className="mt-3">
              <ActivityTimeline entries={detail.activity} />
            </div>
          </section>
        </div>
      </div>
    </div>
  );
}
