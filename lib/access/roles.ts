import { z } from "zod";

export const ROLES = ["technician", "manager", "admin"] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** Whoever a server-side command acts for; always derived from the session, never from input. */
export interface Actor {
  id: string;
  email: string;
  name: string;
  role: Role;
}
