import { defineConfig } from "prisma/config";

// The app connects through @prisma/adapter-pg with DATABASE_URL (lib/db/prisma.ts). The CLI
// needs a URL only to introspect (`prisma db pull`, see the README); `prisma generate` needs
// none, so an unset DATABASE_URL leaves the datasource without one.
export default defineConfig({
  schema: "prisma/schema.prisma",
  datasource: { url: process.env.DATABASE_URL },
});
