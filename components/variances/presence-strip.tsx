import { use } from "react";
import { requestFormat } from "@/lib/request-format";

/**
 * One square per report date: filled when the subject was on that report. `label` starts the
 * sentence read out and shown ("On" for a variance, "In Ninja on" for a device).
 */
export function PresenceStrip({ days, label = "On" }: { days: { date: string; present: boolean }[]; label?: string }) {
  const format = use(requestFormat());
  const present = days.filter((day) => day.present).length;
  return (
    <figure>
      <div
        className="flex flex-wrap gap-0.5"
        role="img"
        aria-label={`${label} ${present} of the last ${days.length} daily reports`}
      >
        {days.map((day) => (
          <span
            key={day.date}
            title={`${format.reportDate(day.date)}: ${day.present ? "reported" : "not reported"}`}
            className={`h-4 w-2 rounded-sm ${day.present ? "bg-amber-500" : "bg-gray-200 dark:bg-gray-700"}`}
          />
        ))}
      </div>
      <figcaption className="mt-1 text-xs text-gray-600 dark:text-gray-400">
        {label} {present} of the last {days.length} daily reports ({format.reportDate(days[0]!.date)} –{" "}
        {format.reportDate(days.at(-1)!.date)})
      </figcaption>
    </figure>
  );
}
