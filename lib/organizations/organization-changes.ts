import { z } from "zod";
import type { Actor } from "@/lib/access/roles";
import { recordAuditEvent } from "@/lib/audit/audit-events";
import { requiredOr } from "@/lib/commands/command-input";
import type { Database } from "@/lib/db/prisma";
import { inTransaction } from "@/lib/db/transaction";
import type { Prisma } from "@/lib/generated/prisma/client";
import { organizationMatchKey } from "./organization-name";

type Tx = Prisma.TransactionClient;

/** The column's width; real client names are far shorter. */
const ORGANIZATION_NAME_MAX_LENGTH = 255;

/** An organisation named by its key or by any spelling of its name, read as its normalised form. */
export const organizationNameField = (what: string) =>
  z
    .string({ error: requiredOr(`Give ${what} as text.`) })
    .max(ORGANIZATION_NAME_MAX_LENGTH, `Keep ${what} to at most ${ORGANIZATION_NAME_MAX_LENGTH} characters.`)
    .transform((name) => organizationMatchKey(name))
    .refine((key) => key !== "", `Give ${what}.`);

/**
 * Runs one change to the organisation mapping in a transaction holding a lock that every
 * such change takes: concurrent merges and splits run one after the other, each reading
 * the mapping as the previous one left it, so it stays flat and free of cycles.
 */
export async function changeOrganizationAliases<Result>(
  db: Database,
  change: (tx: Tx) => Promise<Result>,
): Promise<Result> {
  return inTransaction(db, async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('organization_aliases', 0))`;
    return change(tx);
  });
}

export async function recordOrganizationEvent(
  tx: Tx,
  actor: Actor,
  action: string,
  organizationKey: string,
  details: Prisma.InputJsonObject,
) {
  await recordAuditEvent(tx, {
    actorUserId: actor.id,
    actorEmail: actor.email,
    action,
    subjectType: "organization",
    subjectId: organizationKey,
    details,
  });
}
