import { z } from "zod";
import { assertCan } from "@/lib/access/permissions";
import type { Actor } from "@/lib/access/roles";
import { todayUtc } from "@/lib/calendar-date";
import { CommandError } from "@/lib/commands/command-error";
import { parseCommandInput } from "@/lib/commands/command-input";
import type { Database } from "@/lib/db/prisma";
import { loadOrganizationAliases, resolveOrganizationKey } from "./organization-aliases";
import { changeOrganizationAliases, organizationNameField, recordOrganizationEvent } from "./organization-changes";
import { loadOrganizationReport } from "./organization-context";
import { organizationMatchKey } from "./organization-name";

export const mergeInputSchema = z.strictObject({
  from: organizationNameField("the organisation to merge"),
  into: organizationNameField("the organisation to merge it into"),
});

export interface MergeResult {
  /** The organisation that now holds both. */
  organizationKey: string;
  /** Every normalised name now filed under it by hand. */
  mergedKeys: string[];
}

/** Normalised names on the latest report: the only ones worth merging (a typo would merge nothing). */
async function namesOnReport(db: Database): Promise<Set<string>> {
  const report = await loadOrganizationReport(db, todayUtc());
  const names =
    report?.organizations.flatMap((organization) => [
      organization.key,
      ...organization.spellings.map((spelling) => spelling.name),
      ...organization.mergedNames,
    ]) ?? [];
  return new Set(names.map((name) => organizationMatchKey(name)));
}

/**
 * Files every name of one organisation under another, for spellings the normalised form
 * cannot join ("Acme Dental" and "Acme Dental Group"). Names already merged into `from`
 * move along, so the mapping stays one hop deep.
 */
export async function mergeOrganizations(db: Database, actor: Actor, rawInput: unknown): Promise<MergeResult> {
  assertCan(actor, "organizations:manage");
  const { from, into } = parseCommandInput(mergeInputSchema, rawInput);
  const known = await namesOnReport(db);
  for (const [field, key] of [
    ["from", from],
    ["into", into],
  ] as const) {
    if (!known.has(key))
      throw new CommandError("not_found", `No organisation on the latest report is called “${key}”.`, {
        [field]: ["Pick an organisation from the list."],
      });
  }
  return changeOrganizationAliases(db, async (tx) => {
    const aliases = await loadOrganizationAliases(tx);
    const source = resolveOrganizationKey(from, aliases);
    const target = resolveOrganizationKey(into, aliases);
    if (source === target) throw new CommandError("conflict", "Those names already belong to one organisation.");
    const moved = [...aliases].filter(([, organization]) => organization === source).map(([alias]) => alias);
    await tx.organization_aliases.updateMany({
      where: { organization_key: source },
      data: { organization_key: target },
    });
    await tx.organization_aliases.create({
      data: { alias_key: source, organization_key: target, merged_by_user_id: actor.id },
      select: { alias_key: true },
    });
    await recordOrganizationEvent(tx, actor, "organization.merge", target, {
      from: source,
      into: target,
      movedAliases: moved,
    });
    const mergedKeys = [...aliases]
      .filter(([, organization]) => organization === source || organization === target)
      .map(([alias]) => alias);
    return { organizationKey: target, mergedKeys: [...mergedKeys, source].sort() };
  });
}
