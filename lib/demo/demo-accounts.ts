import { randomBytes } from "node:crypto";
import type { Role } from "@/lib/access/roles";
import { createLocalUser } from "@/lib/auth/users";
import type { Database } from "@/lib/db/prisma";

export interface DemoAccount {
  email: string;
  name: string;
  role: Role;
  password: string;
}

/**
 * One account per role, and a second technician so two colleagues can work the same queue,
 * with passwords generated per installation (never in the repo).
 */
export function newDemoAccounts(): DemoAccount[] {
  const password = () => randomBytes(9).toString("base64url");
  return [
    { email: "admin@demo.local", name: "Avery Admin", role: "admin", password: password() },
    { email: "manager@demo.local", name: "Morgan Manager", role: "manager", password: password() },
    { email: "tech@demo.local", name: "Taylor Technician", role: "technician", password: password() },
    { email: "dana@demo.local", name: "Dana Lee", role: "technician", password: password() },
  ];
}

/** Creates the demo accounts that do not exist yet. */
export async function ensureDemoAccounts(db: Database, accounts: DemoAccount[]) {
  for (const account of accounts) {
    const exists = await db.users.findUnique({ where: { email: account.email }, select: { id: true } });
    if (!exists) await createLocalUser(db, account, "system (demo set-up)");
  }
}
