import { describeConnectionError } from "./connection-errors";
import { checkUpstreamCompatibility, formatCompatibilityReport } from "./schema-compatibility";
import { withClient } from "./with-client";

export class StartupRefusedError extends Error {
  name = "StartupRefusedError";
}

/**
 * Before the app uses an operator's database: it must answer, and its upstream tables
 * must have every column the app reads, with compatible types. Nothing is written here.
 */
export async function preflightDatabase(databaseUrl: string): Promise<void> {
  let report;
  try {
    report = await withClient(databaseUrl, (client) => checkUpstreamCompatibility(client));
  } catch (error) {
    throw new StartupRefusedError(describeConnectionError(error, databaseUrl));
  }
  if (!report.ok) {
    throw new StartupRefusedError(
      `The database is not compatible with this dashboard, so it will not start:\n${formatCompatibilityReport(report)}`,
    );
  }
}
