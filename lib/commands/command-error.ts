/**
 * An expected refusal of a command, with a message a person can act on. Anything else a
 * command throws is unexpected: actions log it and show a generic message instead.
 */
export type CommandErrorCode = "forbidden" | "invalid" | "not_found" | "stale" | "conflict";

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
