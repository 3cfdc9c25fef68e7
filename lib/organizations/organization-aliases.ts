import type { Prisma } from "@/lib/generated/prisma/client";
import { organizationMatchKey } from "./organization-name";

type AliasReader = Pick<Prisma.TransactionClient, "organization_aliases">;

/** Hand-made merges: normalised name → the normalised name of the organisation it belongs to. */
export type OrganizationAliases = ReadonlyMap<string, string>;

export async function loadOrganizationAliases(db: AliasReader): Promise<Map<string, string>> {
  const rows = await db.organization_aliases.findMany({ select: { alias_key: true, organization_key: true } });
  return new Map(rows.map((row) => [row.alias_key, row.organization_key]));
}

/** The organisation a normalised name belongs to; the alias table is flat, so one look-up suffices. */
export const resolveOrganizationKey = (key: string, aliases: OrganizationAliases) => aliases.get(key) ?? key;

/** The organisation a name as a vendor spells it belongs to. */
export const organizationKeyOf = (name: string, aliases: OrganizationAliases) =>
  resolveOrganizationKey(organizationMatchKey(name), aliases);
