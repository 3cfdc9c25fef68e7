/**
 * An expected refusal of a command, with a message a person can act on. Anything else a
 * command throws is unexpected: actions log it and show a generic message instead.
 */
export type CommandErrorCode = "forbidden" | "invalid" | "not_found" | "stale" | "conflict" | "busy";

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
