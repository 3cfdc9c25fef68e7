import { DATABASE_URL_MISSING, readEnvironment } from "@/lib/config/environment";

export function requireDatabaseUrl(): string {
  const url = readEnvironment().DATABASE_URL;
  if (!url) throw new Error(DATABASE_URL_MISSING);
  return url;
}
