import { describe, expect, it } from "vitest";
import { describeActivity } from "@/lib/variances/activity";

describe("describeActivity", () => {
  const notes = new Map([["7", "Called the client <script>alert(1)</script>"]]);

  it.each([
    ["variance.resolve", { after: { resolutionNote: "Removed the license" } }, "resolved it: Removed the license"],
    ["variance.reopen", {}, "reopened it"],
    ["variance.assign", { assignee: { name: "Taylor" } }, "assigned it to Taylor"],
    ["variance.unassign", { assignee: null }, "unassigned it"],
    [
      "variance.snooze",
      { after: { snoozedUntil: "2026-12-02", snoozeReason: "Waiting for the client" } },
      "snoozed it until 2026-12-02: Waiting for the client",
    ],
    ["variance.note", { noteId: 7 }, "added a note: Called the client <script>alert(1)</script>"],
    ["variance.note", { noteId: 8 }, "added a note"],
    ["variance.unsnooze", {}, "ended its snooze"],
    ["variance.undo", { undoneAction: "variance.resolve", undoes: "12" }, "undid a resolution"],
    ["variance.undo", { undoneAction: "variance.assign" }, "undid an assignment"],
    ["variance.undo", { undoneAction: "constructor" }, "undid a change"],
    ["variance.something_new", {}, "variance.something_new"],
    ["variance.resolve", { after: "not an object" }, "resolved it"],
  ])("%s %j", (action, details, expected) => {
    expect(describeActivity(action, details, notes)).toBe(expected);
  });
});
