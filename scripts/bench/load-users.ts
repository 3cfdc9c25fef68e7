import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createLocalUser } from "@/lib/auth/users";
import type { Database } from "@/lib/db/prisma";

export interface LoadUser {
  email: string;
  password: string;
}

/**
 * Technician accounts for the load test, created once per tier database; their generated
 * passwords are kept beside the tier's other demo secrets (git-ignored), never in the repo.
 */
export async function ensureLoadUsers(db: Database, dataDir: string, count: number): Promise<LoadUser[]> {
  const file = path.join(dataDir, "load-users.json");
  const known: LoadUser[] = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : [];
  for (let index = known.length; index < count; index++) {
    const user = {
      email: `load-${String(index + 1).padStart(2, "0")}@demo.local`,
      password: randomBytes(12).toString("base64url"),
    };
    await createLocalUser(
      db,
      { ...user, name: `Load Technician ${index + 1}`, role: "technician" },
      "system (load test)",
    );
    known.push(user);
    writeFileSync(file, JSON.stringify(known, null, 2), { mode: 0o600 });
  }
  return known.slice(0, count);
}
