import pino, { type DestinationStream, type Logger } from "pino";

/**
 * The one logger of the server and the scripts: a JSON object per line for a log collector,
 * readable lines (pino-pretty, a dev dependency) only under NODE_ENV=development, which is
 * what `next dev` sets. NODE_ENV and LOG_LEVEL are read here rather than through lib/config
 * so that this stays a leaf every module — instrumentation and scripts included — can import.
 */
export function createLogger(destination?: DestinationStream, level = process.env.LOG_LEVEL || "info"): Logger {
  const options = { level, timestamp: pino.stdTimeFunctions.isoTime };
  if (destination) return pino(options, destination);
  if (process.env.NODE_ENV === "development")
    return pino({ ...options, transport: { target: "pino-pretty", options: { ignore: "pid,hostname" } } });
  return pino(options);
}

export const logger = createLogger();
