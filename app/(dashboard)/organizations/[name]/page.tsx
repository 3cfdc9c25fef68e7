import { Card, Text, Title } from "@tremor/react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { DeviceTrendChart } from "@/components/charts/lazy-trend-charts";
import { OpenByType } from "@/components/organizations/open-by-type";
import { OrganizationDevices } from "@/components/organizations/organization-devices";
import { InternalBadge, OrganizationNames } from "@/components/organizations/organization-names";
import { OrganizationVariances } from "@/components/organizations/organization-variances";
import { HeadlineCard } from "@/components/overview/headline-card";
import { PageHeading } from "@/components/ui/page-heading";
import { requireActor } from "@/lib/auth/actor";
import { getPrisma } from "@/lib/db/prisma";
import { getOrganizationDetail, ORGANIZATION_TREND_DAYS } from "@/lib/organizations/organization-detail";
import { organizationPath } from "@/lib/organizations/organization-filters";
import { requestFormat } from "@/lib/request-format";

interface Params {
  name: string;
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  return { title: decodedKey((await params).name) ?? "Organization" };
}

/** The organisation's key from the URL; a malformed escape is a page that does not exist. */
function decodedKey(name: string): string | null {
  try {
    return decodeURIComponent(name);
  } catch {
    return null;
  }
}

const sectionClass =
  "rounded-lg border border-gray-200 bg-white p-4 break-inside-avoid dark:border-gray-800 dark:bg-gray-900";

export default async function OrganizationPage({ params }: { params: Promise<Params> }) {
  const actor = await requireActor();
  const format = await requestFormat();
  const key = decodedKey((await params).name);
  if (key === null) notFound();
  const result = await getOrganizationDetail(getPrisma(), actor, key);
  if (result.kind === "not_found") notFound();
  // A name merged into another organisation is shown as that organisation.
  if (result.kind === "merged") redirect(organizationPath(result.key));
  const { figures, reportDate, devices, openVariances, trend } = result.detail;

  return (
    <div className="space-y-6">
      <Link href="/organizations" className="text-sm text-blue-700 hover:underline print:hidden dark:text-blue-300">
        ← All organisations
      </Link>
      <PageHeading
        title={figures.name}
        badges={figures.internal && <InternalBadge />}
        description={`Report of ${format.reportDate(reportDate)}`}
      >
        <OrganizationNames organization={figures} />
      </PageHeading>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5 print:grid-cols-5">
        <HeadlineCard title="Ninja devices" value={figures.ninja} testId="organization-ninja" />
        <HeadlineCard title="ThreatLocker devices" value={figures.threatlocker} testId="organization-threatlocker" />
        <HeadlineCard
          title="Difference (Ninja − ThreatLocker)"
          value={figures.difference}
          testId="organization-difference"
        />
        <HeadlineCard title="Spares still licensed" value={figures.spareLicensed} testId="organization-spare" />
        <HeadlineCard title="Open variances" value={figures.openTotal} testId="organization-open" />
      </div>
      <section aria-labelledby="variances-heading" className={sectionClass}>
        <h2 id="variances-heading" className="font-semibold">
          Open variances
        </h2>
        <OpenByType counts={figures.openByType} />
        <div className="mt-2">
          <OrganizationVariances variances={openVariances} />
        </div>
      </section>
      <Card className="break-inside-avoid">
        <Title>Devices per vendor</Title>
        <Text>Last {ORGANIZATION_TREND_DAYS} days; a gap means that vendor has no rows at all for the date.</Text>
        <DeviceTrendChart points={trend} failures={[]} />
      </Card>
      <section aria-labelledby="devices-heading" className={`${sectionClass} break-inside-auto`}>
        <h2 id="devices-heading" className="mb-2 font-semibold">
          Devices on this report
        </h2>
        <OrganizationDevices devices={devices} />
      </section>
    </div>
  );
}
