import type { LifecycleStatus } from "./lifecycle";
import { typeLabel } from "./type-registry/registry";
import { variancePath } from "./variance-key";
import type { VarianceView } from "./variance-view";

/** What the queue's browser side needs of a variance: plain, serialisable values only. */
export interface QueueRow {
  type: string;
  /** The type's badge label, looked up on the server (the type registry stays out of the browser). */
  typeLabel: string;
  key: string;
  href: string;
  hostname: string;
  organization: string;
  summary: string;
  unexpectedData: boolean;
  daysOpen: number;
  assigneeId: string | null;
  assigneeName: string | null;
  status: LifecycleStatus;
  regressed: boolean;
  noteCount: number;
  version: number;
}

/** `flowQuery`, the queue's filters, goes along to the variance page: its next/previous and "back" follow the same list. */
export function toQueueRow(view: VarianceView, flowQuery = ""): QueueRow {
  return {
    type: view.type,
    typeLabel: typeLabel(view.type),
    key: view.key,
    href: `${variancePath(view)}${flowQuery}`,
    hostname: view.hostname,
    organization: view.organization,
    summary: view.summary,
    unexpectedData: view.parsed.kind === "unexpected",
    daysOpen: view.daysOpen,
    assigneeId: view.assigneeId,
    assigneeName: view.assigneeName,
    status: view.lifecycle.status,
    regressed: view.lifecycle.regressed,
    noteCount: view.noteCount,
    version: view.version,
  };
}
