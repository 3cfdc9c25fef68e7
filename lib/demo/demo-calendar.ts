export const DAY_MS = 86_400_000;

export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * The collection dates of a demo, by day index (0 = oldest), and the dated events that
 * make it realistic: a day Ninja is missing, a failed (empty) ThreatLocker collection,
 * and a naming-drift episode.
 */
export interface DemoCalendar {
  days: number;
  /** `YYYY-MM-DD` per day index. */
  dates: string[];
  /** Midnight UTC of each collection date, in ms. */
  dayStarts: number[];
  /** Ninja's collection failed outright: no Ninja rows that day. */
  ninjaMissingDay: number | null;
  /** ThreatLocker's API failed mid-run: 0 rows while its job still reports `completed`. */
  threatlockerEmptyDay: number | null;
  /** ThreatLocker display names drift for these days (inclusive). */
  drift: { from: number; to: number } | null;
}

/** Events need room around them; shorter demos are plain. */
const MIN_DAYS_FOR_EVENTS = 14;

export function demoCalendar(endDate: string, days: number): DemoCalendar {
  const end = Date.parse(`${endDate}T00:00:00Z`);
  const dayStarts = Array.from({ length: days }, (_, day) => end - (days - 1 - day) * DAY_MS);
  const dates = dayStarts.map((start) => new Date(start).toISOString().slice(0, 10));
  if (days < MIN_DAYS_FOR_EVENTS)
    return { days, dates, dayStarts, ninjaMissingDay: null, threatlockerEmptyDay: null, drift: null };
  const driftFrom = Math.round((days - 1) * 0.5);
  return {
    days,
    dates,
    dayStarts,
    ninjaMissingDay: Math.round((days - 1) * 0.3),
    // About three weeks before the end at the default 90 days: well before, yet recent.
    threatlockerEmptyDay: days - 1 - Math.round(days * 0.22),
    drift: { from: driftFrom, to: driftFrom + Math.max(3, Math.round(days / 15)) - 1 },
  };
}

/** Share of ThreatLocker display names drifted on a day: rises and falls over the episode, peaking near 90 %. */
export function driftIntensity(calendar: DemoCalendar, day: number): number {
  const { drift } = calendar;
  if (!drift || day < drift.from || day > drift.to) return 0;
  const length = drift.to - drift.from + 1;
  return 0.9 * Math.sqrt(Math.sin((Math.PI * (day - drift.from + 0.5)) / length));
}
