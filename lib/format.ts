import type { ReportDate } from "./calendar-date";

/** Numbers and report dates written for one locale. There is no default instance, so no caller can forget the locale. */
export interface Format {
  locale: string;
  count(value: number): string;
  /** A figure that may be fractional, such as a median, to one decimal place. */
  decimal(value: number): string;
  /** A change between two counts with its sign: "+3", "−2", "±0". */
  change(value: number): string;
  /** A report date is a calendar date, never shifted into a time zone. */
  reportDate(date: ReportDate): string;
}

// Building Intl formatters is slow compared with using them, and a page formats hundreds of
// figures, so each locale's set is built once per process. Locales come from negotiateLocale,
// which only returns tags Intl supports, so the map stays small.
const formats = new Map<string, Format>();

function createFormat(locale: string): Format {
  const countFormat = new Intl.NumberFormat(locale);
  const decimalFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const decimal = (value: number) => decimalFormat.format(value);
  return {
    locale,
    count: (value) => countFormat.format(value),
    decimal,
    change: (value) => (value > 0 ? `+${decimal(value)}` : value < 0 ? `−${decimal(-value)}` : "±0"),
    reportDate: (date) => dateFormat.format(new Date(`${date}T00:00:00Z`)),
  };
}

export function formatterFor(locale: string): Format {
  let format = formats.get(locale);
  if (!format) {
    format = createFormat(locale);
    formats.set(locale, format);
  }
  return format;
}

/** A run's duration, coarse enough to read at a glance: "45 s", "5 min 2 s", "1 h 4 min". */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min${seconds % 60 ? ` ${seconds % 60} s` : ""}`;
  const minutes = Math.round((seconds % 3600) / 60);
  return `${Math.floor(seconds / 3600)} h${minutes ? ` ${minutes} min` : ""}`;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** "3 hours ago" / "just now" in `locale`, from `now`: the largest whole unit. */
export function relativeTime(at: Date, now: Date, locale: string): string {
  const seconds = Math.round((at.getTime() - now.getTime()) / 1000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "auto", style: "short" });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return format.format(0, "second");
}
