import { navigationFor } from "@/components/shell/navigation";
import { jsonRoute } from "@/lib/api/json-route";
import { getPrisma } from "@/lib/db/prisma";
import { paletteQuerySchema } from "@/lib/search/palette-query";
import { searchEverything } from "@/lib/search/search-everything";

export const dynamic = "force-dynamic";

/** The command palette's search; the pages offered are the actor's own navigation. */
export const GET = jsonRoute("search", "dashboard:read", paletteQuerySchema, (actor, { q }) =>
  searchEverything(getPrisma(), actor, q, navigationFor(actor)),
);
