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

// Network failures, and PostgreSQL saying it is starting, stopping or out of connections:
// all pass on their own, so the app waits them out. A wrong password (28P01), a missing
// database (3D000) or an incompatible schema do not, and are refused instead.
const TRANSIENT_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now: starting up or in recovery
  "53300", // too_many_connections
  "08000",
  "08001",
  "08003",
  "08006",
  "P1001", // Prisma: can't reach the database server
  "P1002", // Prisma: the server timed out
  "P1017", // Prisma: the server closed the connection
]);
// How @prisma/adapter-pg names the same failures (DriverAdapterError's cause.kind).
const TRANSIENT_ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// node-postgres's own connect timeout and dropped connections carry no code, only this text.
const TRANSIENT_MESSAGE = /Connection terminated|connection timeout|timeout exceeded when trying to connect/i;

interface ErrorLike {
  code?: unknown;
  originalCode?: unknown;
  kind?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
  meta?: { driverAdapterError?: unknown };
}

/**
 * Whether a failure means the database is (for now) unreachable rather than misconfigured,
 * looking through the wrappers node-postgres, the Prisma adapter and Prisma put around it.
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const visit = (value: unknown): boolean => {
    if (!value || typeof value !== "object" || seen.has(value)) return false;
    seen.add(value);
    const candidate = value as ErrorLike;
    if (TRANSIENT_CODES.has(candidate.code as string) || TRANSIENT_CODES.has(candidate.originalCode as string)) return true;
    if (TRANSIENT_ADAPTER_KINDS.has(candidate.kind as string)) return true;
    if (typeof candidate.message === "string" && TRANSIENT_MESSAGE.test(candidate.message)) return true;
    const nested = [candidate.cause, candidate.meta?.driverAdapterError, ...(Array.isArray(candidate.errors) ? candidate.errors : [])];
    return nested.some(visit);
  };
  return visit(error);
}
