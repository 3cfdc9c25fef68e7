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
    return {
      hostname: url.hostname,
      port: url.port,
      pathname: url.pathname,
      username: decodeURIComponent(url.username),
    };
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
const TRANSIENT_ADAPTER_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);
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

/** Whether `matches` holds for the error or anything node-postgres, the Prisma adapter or Prisma wrapped in it. */
function someErrorInChain(error: unknown, matches: (candidate: ErrorLike) => boolean): boolean {
  const seen = new Set<unknown>();
  const visit = (value: unknown): boolean => {
    if (!value || typeof value !== "object" || seen.has(value)) return false;
    seen.add(value);
    const candidate = value as ErrorLike;
    if (matches(candidate)) return true;
    const nested = [
      candidate.cause,
      candidate.meta?.driverAdapterError,
      ...(Array.isArray(candidate.errors) ? candidate.errors : []),
    ];
    return nested.some(visit);
  };
  return visit(error);
}

/** Whether a failure means the database is (for now) unreachable rather than misconfigured. */
export function isDatabaseUnreachable(error: unknown): boolean {
  return someErrorInChain(
    error,
    (candidate) =>
      TRANSIENT_CODES.has(candidate.code as string) ||
      TRANSIENT_CODES.has(candidate.originalCode as string) ||
      TRANSIENT_ADAPTER_KINDS.has(candidate.kind as string) ||
      (typeof candidate.message === "string" && TRANSIENT_MESSAGE.test(candidate.message)),
  );
}

// Prisma's P2028 when a transaction could not start within its wait or ran past its timeout
// (it is rolled back), and node-postgres's pool when no connection came free within its wait.
// Other P2028 messages (a closed or unknown transaction) are bugs, not load.
const BUSY_MESSAGE =
  /Unable to start a transaction in the given time|cannot be executed on an expired transaction|timeout exceeded when trying to connect/i;

/** Whether a failure means the database was too busy to serve in time: nothing was written, and trying again may work. */
export function isDatabaseBusy(error: unknown): boolean {
  return someErrorInChain(
    error,
    (candidate) => typeof candidate.message === "string" && BUSY_MESSAGE.test(candidate.message),
  );
}
