import pino, { type DestinationStream, type Logger } from "pino";
import { readVariable } from "@/lib/config/environment";

/**
 * The one logger of the server and the scripts: a JSON object per line for a log collector,
 * readable lines (pino-pretty, a dev dependency) only under NODE_ENV=development, which is
 * what `next dev` sets. It depends on lib/config only, so every module and script can log.
 */
export function createLogger(destination?: DestinationStream, level: string = configuredLevel()): Logger {
  const options = { level, timestamp: pino.stdTimeFunctions.isoTime };
  if (destination) return pino(options, destination);
  if (readVariable("NODE_ENV") === "development")
    return pino({ ...options, transport: { target: "pino-pretty", options: { ignore: "pid,hostname" } } });
  return pino(options);
}

// Read alone, so that one malformed variable elsewhere cannot take logging down with it; a
// malformed LOG_LEVEL itself is refused by the boot check, and logs at "info" meanwhile.
function configuredLevel(): string {
  try {
    return readVariable("LOG_LEVEL");
  } catch {
    return "info";
  }
}

export const logger = createLogger();

/** For the command-line scripts: their failures go to stderr, apart from the output they print. */
export const scriptLogger = () => createLogger(pino.destination(2));
