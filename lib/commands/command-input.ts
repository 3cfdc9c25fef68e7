import { z } from "zod";
import { CommandError } from "@/lib/commands/command-error";

/** Zod's default messages name types, not fields; a person needs to know what to send instead. */
export const requiredOr = (wrongTypeMessage: string) => (issue: { input: unknown }) =>
  issue.input === undefined ? "This field is required." : wrongTypeMessage;

export const text = (what: string, maxLength: number) =>
  z
    .string({ error: requiredOr(`Give ${what} as text.`) })
    .max(maxLength, `Keep ${what} to at most ${maxLength.toLocaleString("en-US")} characters.`);

/** Required text that is not only whitespace; stored exactly as written. */
export const writtenText = (what: string, maxLength: number) =>
  text(what, maxLength).refine((value) => value.trim().length > 0, `Write ${what}.`);

function fieldErrorsOf(issues: readonly z.core.$ZodIssue[]): Record<string, string[]> {
  // Keyed by names from the input: "constructor" or "__proto__" must be plain keys, not Object's.
  const fieldErrors = new Map<string, string[]>();
  const add = (field: string, message: string) => fieldErrors.set(field, [...(fieldErrors.get(field) ?? []), message]);
  for (const issue of issues) {
    const path = issue.path.join(".");
    if (issue.code === "unrecognized_keys") {
      // Identity and the like come from the session; naming them in input is refused, not ignored.
      for (const key of issue.keys) add(path ? `${path}.${key}` : key, "This field is not accepted.");
    } else {
      add(path || "input", path ? issue.message : "Send the command's fields as an object.");
    }
  }
  return Object.fromEntries(fieldErrors);
}

/** A refusal of input, summarised field by field in the message as well. */
export function invalidInput(fieldErrors: Record<string, string[]>): CommandError {
  const summary = Object.entries(fieldErrors)
    .map(([field, messages]) => `${field}: ${messages.join(" ")}`)
    .join("; ");
  return new CommandError("invalid", `Check the input — ${summary}`, fieldErrors);
}

/** Parses a command's raw input, or refuses it with a message per field. */
export function parseCommandInput<Schema extends z.ZodType>(schema: Schema, rawInput: unknown): z.output<Schema> {
  const parsed = schema.safeParse(rawInput);
  if (parsed.success) return parsed.data;
  throw invalidInput(fieldErrorsOf(parsed.error.issues));
}
