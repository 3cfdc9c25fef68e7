import { isPresent, type PresentColumns } from "@/lib/db/optional-columns";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * The location of a `device_snapshot` row aliased `alias`: its `location_name` where the live
 * server has that hand-added column and the row fills it, else the name of its Ninja site (the
 * reference, §3: only Ninja rows have a site, and it is their location). ThreatLocker rows have
 * neither, so their location is NULL either way.
 */
export function deviceLocationSql(present: PresentColumns, alias: string): Prisma.Sql {
  const siteName = Prisma.raw(`(SELECT site.name FROM site WHERE site.id = ${alias}.site_id)`);
  return isPresent(present, "device_snapshot", "location_name")
    ? Prisma.sql`coalesce(${Prisma.raw(`${alias}.location_name`)}, ${siteName})`
    : siteName;
}
