/** One line an operator can act on, for the ways connecting to PostgreSQL usually fails. */
export function describeConnectionError(error: unknown, databaseUrl: string): string {
  const { hostname, port, pathname, username } = safeUrl(databaseUrl);
  const where = `${hostname}:${port || 5432}`;
  const code = (error as { code?: string } | null)?.code;
  switch (code) {
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "EAI_AGAIN":
    case "EHOSTUNREACH":
    case "ETIMEDOUT":
      return `Cannot reach the database server at ${where} (${code}). Is PostgreSQL running and DATABASE_URL's host and port right?`;
    case "28P01":
      return `The database refused the password for user "${username}" (wrong password in DATABASE_URL).`;
    case "28000":
      return `The database refused user "${username}" (no pg_hba.conf entry or role not allowed to log in).`;
    case "3D000":
      return `The database "${pathname.slice(1)}" does not exist on ${where}.`;
    case "42P01":
      return `A required table is missing: ${(error as Error).message}.`;
    default:
      return `Could not use the database at ${where}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function safeUrl(databaseUrl: string) {
  try {
    const url = new URL(databaseUrl);
    return { hostname: url.hostname, port: url.port, pathname: url.pathname, username: decodeURIComponent(url.username) };
  } catch {
    return { hostname: "(unparseable DATABASE_URL)", port: "", pathname: "/", username: "" };
  }
}
