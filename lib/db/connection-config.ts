import pg from "pg";
import { readEnvironment } from "@/lib/config/environment";

/**
 * Every connection the app, its scripts, migrations and tests open is configured here, so that
 * time is UTC end to end whatever the server's default TimeZone or Node's TZ:
 *
 * - The session's TimeZone is UTC. Prisma's adapter-pg writes a Date as a UTC wall time
 *   without offset and, reading a timestamptz, replaces the server's offset with +00:00: both
 *   are exact only in a UTC session. It also makes `now()::date`, `current_date` and
 *   `occurred_at::date` UTC days.
 * - Plain pg reads `timestamp` (without time zone) as UTC, not in Node's zone, and a `date`
 *   as UTC midnight (as Prisma does), so `toISOString().slice(0, 10)` is the stored day in any zone.
 * - Plain pg sends a Date parameter as UTC (`parseInputDatesAsUTC`), so a UTC-midnight Date bound
 *   to a `date` or `timestamp` column is that day and time, not Node's local one. This is pg's
 *   process-wide default (it has no per-connection switch); it is set where every connection's
 *   settings come from.
 */
pg.defaults.parseInputDatesAsUTC = true;

const UTC_SESSION = "-c TimeZone=UTC";

const TIMESTAMP = 1114;
const DATE = 1082;
const parseTimestamptz = pg.types.getTypeParser(pg.types.builtins.TIMESTAMPTZ, "text");

/** `2026-11-24 10:00:00[ BC]` as the same wall time in UTC; ±infinity as they are. */
const asUtc = (value: string) => (/infinity$/.test(value) ? value : value.replace(/( BC)?$/, "+00$1"));

const utcParsers: Record<number, (value: string) => unknown> = {
  [TIMESTAMP]: (value) => parseTimestamptz(asUtc(value)),
  [DATE]: (value) => parseTimestamptz(asUtc(value.replace(/^(\d+-\d\d-\d\d)/, "$1 00:00:00"))),
};

const utcTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) =>
    (format ?? "text") === "text" && utcParsers[oid]
      ? utcParsers[oid]
      : pg.types.getTypeParser(oid, format as "text")) as pg.CustomTypesConfig["getTypeParser"],
};

/**
 * The URL with `-c TimeZone=UTC` added to its `options` (after any the operator set, so it
 * wins over a TimeZone there too). The URL carries it rather than the config, because pg lets
 * a URL's `options` replace the config's.
 */
function withUtcSession(connectionString: string): { connectionString: string; options?: string } {
  let url: URL;
  try {
    url = new URL(connectionString);
  } catch {
    // Not a URL (pg also takes a bare socket path): the config's options then apply.
    return { connectionString, options: UTC_SESSION };
  }
  const existing = url.searchParams.get("options") ?? readEnvironment().PGOPTIONS;
  url.searchParams.set("options", existing ? `${existing} ${UTC_SESSION}` : UTC_SESSION);
  return { connectionString: url.toString() };
}

/** pg Client/Pool (and adapter-pg) settings for `connectionString`, plus the caller's own (pool size, timeouts). */
export function connectionConfig(
  connectionString: string,
  settings: Omit<pg.PoolConfig, "connectionString" | "types" | "options"> = {},
): pg.PoolConfig {
  return { ...settings, ...withUtcSession(connectionString), types: utcTypes };
}
