import pino, { type DestinationStream, type Logger } from "pino";
import { readEnvironment } from "@/lib/config/environment";

/**
 * The one logger of the server and the scripts: a JSON object per line for a log collector,
 * readable lines (pino-pretty, a dev dependency) only under NODE_ENV=development, which is
 * what `next dev` sets. It depends on lib/config only, so every module and script can log.
 */
export function createLogger(destination?: DestinationStream, level: string = readEnvironment().LOG_LEVEL): Logger {
  const options = { level, timestamp: pino.stdTimeFunctions.isoTime };
  if (destination) return pino(options, destination);
  if (readEnvironment().NODE_ENV === "development")
    return pino({ ...options, transport: { target: "pino-pretty", options: { ignore: "pid,hostname" } } });
  return pino(options);
}

export const logger = createLogger();
