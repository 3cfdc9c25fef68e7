/** Report dates are data facts (`snapshot_date`, `date_found`), handled as 'YYYY-MM-DD'. */
export type ReportDate = string;

const DAY_MS = 86_400_000;

export function daysBetween(from: ReportDate, to: ReportDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function addDays(date: ReportDate, days: number): ReportDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The collectors stamp dates with the host's date, which runs on UTC. */
export function todayUtc(now: Date = new Date()): ReportDate {
  return now.toISOString().slice(0, 10);
}
