import { describeConnectionError, isDatabaseUnreachable } from "./connection-errors";
import { checkUpstreamCompatibility, formatCompatibilityReport } from "./schema-compatibility";
import { withClient } from "./with-client";

export class StartupRefusedError extends Error {
  name = "StartupRefusedError";
}

/** The database did not answer (yet): unlike a refusal, waiting can fix it. */
export class DatabaseUnreachableError extends Error {
  name = "DatabaseUnreachableError";
}

/**
 * Before the app uses an operator's database: it must answer, and its upstream tables
 * must have every column the app reads, with compatible types. Nothing is written here.
 * Returns warnings worth printing (a superuser connection) that do not stop the start.
 * Throws DatabaseUnreachableError when the server cannot be reached (yet), StartupRefusedError otherwise.
 */
export async function preflightDatabase(databaseUrl: string): Promise<string[]> {
  let report;
  let superuser: string | null;
  try {
    [report, superuser] = await withClient(
      databaseUrl,
      async (client) =>
        [
          await checkUpstreamCompatibility(client),
          (
            await client.query<{ name: string }>(
              "SELECT rolname AS name FROM pg_roles WHERE rolname = current_user AND rolsuper",
            )
          ).rows[0]?.name ?? null,
        ] as const,
    );
  } catch (error) {
    const message = describeConnectionError(error, databaseUrl);
    throw isDatabaseUnreachable(error)
      ? new DatabaseUnreachableError(message, { cause: error })
      : new StartupRefusedError(message);
  }
  if (!report.ok) {
    throw new StartupRefusedError(
      `The database is not compatible with this dashboard, so it will not start:\n${formatCompatibilityReport(report)}`,
    );
  }
  return superuser
    ? [
        `Warning: connected as the superuser "${superuser}", which may change and drop anything, the audit log included. ` +
          "Create a least-privilege role with `npm run db:grant` and use it in DATABASE_URL (README: least privilege).",
      ]
    : [];
}
