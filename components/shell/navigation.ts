import type { Actor } from "@/lib/auth/roles";
import { can, type Permission } from "@/lib/auth/permissions";

interface NavItem {
  href: string;
  label: string;
  permission: Permission;
}

// Only areas that exist are listed; later areas (Devices, Organizations, Admin) join
// this list when they are built.
const items: NavItem[] = [
  { href: "/", label: "Overview", permission: "dashboard:read" },
  { href: "/variances", label: "Variances", permission: "dashboard:read" },
  { href: "/team", label: "Team", permission: "team:read" },
];

export function navigationFor(actor: Actor): Omit<NavItem, "permission">[] {
  return items.filter((item) => can(actor, item.permission)).map(({ href, label }) => ({ href, label }));
}
