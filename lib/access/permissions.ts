import { CommandError } from "@/lib/commands/command-error";
import type { Actor, Role } from "./roles";

/**
 * Who may do what. Every server-side command and data function asks `can` (or
 * `assertCan`) itself, so a page or proxy check is never the only gate.
 */
const grants = {
  "dashboard:read": ["technician", "manager", "admin"],
  "variances:triage": ["technician", "admin"],
  "team:read": ["manager", "admin"],
  "users:manage": ["admin"],
  "audit:read": ["admin"],
  // Merging and splitting organisation names changes every manager's figures.
  "organizations:manage": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof grants;

export function can(actor: Actor | null | undefined, permission: Permission): boolean {
  return !!actor && (grants[permission] as readonly Role[]).includes(actor.role);
}

export class ForbiddenError extends CommandError {
  constructor(readonly permission: Permission) {
    super("forbidden", "You do not have permission to do that.");
    this.name = "ForbiddenError";
  }
}

export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new ForbiddenError(permission);
}
