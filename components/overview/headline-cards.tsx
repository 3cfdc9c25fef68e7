import { use } from "react";
import { headlineQueueLinks } from "@/lib/reports/headline-queue-views";
import type { HeadlineFigures, OverviewHeadline } from "@/lib/reports/overview-headline";
import { requestFormat } from "@/lib/request-format";
import { HeadlineCard, type HeadlineCardProps } from "./headline-card";

type Figure = keyof HeadlineFigures;

const CARDS: {
  figure: Figure;
  title: string;
  testId: string;
  rising?: HeadlineCardProps["rising"];
  fractional?: boolean;
  emptyText?: string;
}[] = [
  { figure: "ninjaDevices", title: "Ninja devices", testId: "devices-ninja" },
  { figure: "threatlockerDevices", title: "ThreatLocker devices", testId: "devices-threatlocker" },
  { figure: "billableDevices", title: "Billable (Ninja)", testId: "billable-devices" },
  { figure: "spareDevices", title: "Spare (Ninja)", testId: "spare-devices" },
  { figure: "openVariances", title: "Open variances", testId: "open-variances", rising: "bad" },
  {
    figure: "newVariances",
    title: "New since the previous report",
    testId: "new-variances",
    rising: "bad",
    emptyText: "No earlier report",
  },
  { figure: "resolvedLast7Days", title: "Resolved in the last 7 days", testId: "resolved-7-days", rising: "good" },
  {
    figure: "medianDaysToResolve",
    title: "Median days to resolve (30 days)",
    testId: "median-days-to-resolve",
    rising: "bad",
    fractional: true,
    emptyText: "Nothing resolved",
  },
  { figure: "licenseWaste", title: "ThreatLocker licenses on spare devices", testId: "license-waste", rising: "bad" },
];

/**
 * The headline figures of the report, each with its change against the report about a week
 * earlier; a figure that counts variances links to the queue view it counts.
 */
export function HeadlineCards({ headline }: { headline: OverviewHeadline }) {
  const format = use(requestFormat());
  const comparedWith = headline.comparison ? format.reportDate(headline.comparison.reportDate) : null;
  const links: Partial<Record<Figure, string>> = headlineQueueLinks(headline);
  return (
    <div className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-3" data-testid="headline-cards">
      {CARDS.map((card) => (
        <HeadlineCard
          key={card.figure}
          title={card.title}
          testId={card.testId}
          value={headline.current[card.figure]}
          previous={headline.comparison?.figures[card.figure]}
          fractional={card.fractional}
          rising={card.rising}
          comparedWith={comparedWith}
          emptyText={card.emptyText}
          href={links[card.figure]}
        />
      ))}
    </div>
  );
}
