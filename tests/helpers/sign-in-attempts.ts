/**
 * A separate process making sign-in attempts against DATABASE_URL, as one app instance
 * would: `sign-in-attempts.ts <email> <password> <count>` prints each outcome as JSON lines.
 */

import { authenticateWithPassword } from "@/lib/auth/credentials";
import { createPrismaClient } from "@/lib/db/prisma";

const [email, password, count] = process.argv.slice(2);
const db = createPrismaClient(process.env.DATABASE_URL!);
for (let attempt = 0; attempt < Number(count); attempt++) {
  const result = await authenticateWithPassword(db, { email, password });
  console.log(JSON.stringify({ ok: result.ok, throttled: !result.ok && !!result.retryAt }));
}
await db.$disconnect();
