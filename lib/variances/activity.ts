/** Turns audit events of a variance into the sentences of its activity timeline. */

type Json = Record<string, unknown>;

const text = (value: unknown) => (typeof value === "string" && value.trim() ? value : null);
const field = (value: unknown, name: string) =>
  value && typeof value === "object" ? (value as Json)[name] : undefined;

/** What an undo reverted, as the timeline names it. */
// A Map, so that an action named "constructor" in the details finds nothing, not Object's.
const undoneChanges = new Map([
  ["variance.resolve", "a resolution"],
  ["variance.reopen", "a reopening"],
  ["variance.assign", "an assignment"],
  ["variance.unassign", "an unassignment"],
  ["variance.snooze", "a snooze"],
  ["variance.unsnooze", "the end of a snooze"],
]);

/** What happened, after the actor's name: "resolved it: replaced the license". Unknown actions show their name. */
export function describeActivity(action: string, details: Json, noteBodies: ReadonlyMap<string, string>): string {
  const after = details.after;
  const withText = (verb: string, extra: string | null) => (extra ? `${verb}: ${extra}` : verb);
  switch (action) {
    case "variance.resolve":
      return withText("resolved it", text(field(after, "resolutionNote")));
    case "variance.reopen":
      return "reopened it";
    case "variance.assign":
      return `assigned it to ${text(field(details.assignee, "name")) ?? "someone"}`;
    case "variance.unassign":
      return "unassigned it";
    case "variance.snooze":
      return withText(
        `snoozed it until ${text(field(after, "snoozedUntil")) ?? "a later date"}`,
        text(field(after, "snoozeReason")),
      );
    case "variance.unsnooze":
      return "ended its snooze";
    case "variance.note":
      return withText("added a note", noteBodies.get(String(details.noteId)) ?? null);
    case "variance.undo":
      return `undid ${undoneChanges.get(String(details.undoneAction)) ?? "a change"}`;
    default:
      return action;
  }
}
