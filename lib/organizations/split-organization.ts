import { z } from "zod";
import { assertCan } from "@/lib/access/permissions";
import type { Actor } from "@/lib/access/roles";
import { CommandError } from "@/lib/commands/command-error";
import { parseCommandInput } from "@/lib/commands/command-input";
import type { Database } from "@/lib/db/prisma";
import { changeOrganizationAliases, organizationNameField, recordOrganizationEvent } from "./organization-changes";

export const splitInputSchema = z.strictObject({
  alias: organizationNameField("the merged name to split off"),
});

export interface SplitResult {
  /** The name that is its own organisation again. */
  aliasKey: string;
  /** The organisation it was merged into. */
  organizationKey: string;
}

/** Undoes one hand-made merge: the name is its own organisation again. */
export async function splitOrganization(db: Database, actor: Actor, rawInput: unknown): Promise<SplitResult> {
  assertCan(actor, "organizations:manage");
  const { alias } = parseCommandInput(splitInputSchema, rawInput);
  return changeOrganizationAliases(db, async (tx) => {
    const row = await tx.organization_aliases.findUnique({
      where: { alias_key: alias },
      select: { organization_key: true },
    });
    if (!row)
      throw new CommandError(
        "not_found",
        `“${alias}” is not merged into another organisation (any more): reload to see the merges.`,
      );
    await tx.organization_aliases.delete({ where: { alias_key: alias } });
    await recordOrganizationEvent(tx, actor, "organization.split", row.organization_key, {
      alias,
      from: row.organization_key,
    });
    return { aliasKey: alias, organizationKey: row.organization_key };
  });
}
