import { defineConfig } from "prisma/config";

// The Prisma CLI is used only for `prisma generate` here; the app connects through
// @prisma/adapter-pg with DATABASE_URL (see lib/db/prisma.ts).
export default defineConfig({
  schema: "prisma/schema.prisma",
});
