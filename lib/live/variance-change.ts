/**
 * A change to a variance as colleagues' open pages hear of it (lib/live/notify-change.ts sends
 * it, components/live shows it). Ids and names only, never whole rows: a NOTIFY payload is at
 * most 8000 bytes. Free of server code so the browser can use it too.
 */
export interface VarianceChange {
  /** The audit event's id: the SSE event id, so a reconnect can replay what came after it. */
  id: string;
  type: string;
  key: string;
  /** The audit action, e.g. "variance.resolve". */
  action: string;
  /** The triage version after the change; null for a note, which does not bump it. */
  version: number | null;
  actorId: string | null;
  actorName: string;
  /** ISO time of the change. */
  at: string;
}

/** The PostgreSQL channel every app process LISTENs on. */
export const VARIANCE_CHANNEL = "variance_dashboard_changes";

const verbs: Record<string, string> = {
  "variance.resolve": "Resolved",
  "variance.reopen": "Reopened",
  "variance.assign": "Assigned",
  "variance.unassign": "Unassigned",
  "variance.snooze": "Snoozed",
  "variance.unsnooze": "Unsnoozed",
  "variance.note": "Note added",
  "variance.undo": "Undone",
};

/** "Resolved by Dana Lee"; an action this build does not know yet reads "Changed by …". */
export const describeChange = (change: Pick<VarianceChange, "action" | "actorName">) =>
  `${verbs[change.action] ?? "Changed"} by ${change.actorName}`;
