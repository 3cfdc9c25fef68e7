import { can, type Permission } from "@/lib/access/permissions";
import type { Actor } from "@/lib/access/roles";

interface NavItem {
  href: string;
  label: string;
  permission: Permission;
}

const items: NavItem[] = [
  { href: "/", label: "Overview", permission: "dashboard:read" },
  { href: "/variances", label: "Variances", permission: "dashboard:read" },
  { href: "/organizations", label: "Organizations", permission: "dashboard:read" },
  { href: "/devices", label: "Devices", permission: "dashboard:read" },
  { href: "/team", label: "Team", permission: "team:read" },
  { href: "/admin/users", label: "Admin", permission: "users:manage" },
];

export function navigationFor(actor: Actor): Omit<NavItem, "permission">[] {
  return items.filter((item) => can(actor, item.permission)).map(({ href, label }) => ({ href, label }));
}
