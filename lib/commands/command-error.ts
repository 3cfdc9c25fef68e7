/**
 * An expected refusal of a command, with a message a person can act on. Anything else a
 * command throws is unexpected: actions log it and show a generic message instead.
 */
export const COMMAND_ERROR_CODES = ["forbidden", "invalid", "not_found", "stale", "conflict", "busy"] as const;
export type CommandErrorCode = (typeof COMMAND_ERROR_CODES)[number];

/**
 * Whether an error is a CommandError, recognised by its name and code: where bundles each hold
 * their own copy of the class (Next.js's instrumentation and the pages), `instanceof` cannot tell.
 */
export const isCommandRefusal = (error: unknown): boolean => {
  const candidate = error as { name?: unknown; code?: unknown } | null;
  return candidate?.name === "CommandError" && COMMAND_ERROR_CODES.some((code) => candidate.code === code);
};

export class CommandError extends Error {
  constructor(
    readonly code: CommandErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "CommandError";
  }
}

/** A command the database was too busy to run in time: nothing changed, and the same command may succeed in a moment. */
export const databaseBusy = () => new CommandError("busy", "The database is busy — try again in a moment.");
