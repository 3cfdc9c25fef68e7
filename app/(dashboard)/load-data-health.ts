import { cache } from "react";
import type { Actor } from "@/lib/access/roles";
import { getPrisma } from "@/lib/db/prisma";
import { getDataHealth } from "@/lib/health/data-health";

/** Once per request: the layout's banner and the pages read the same report status. */
export const loadDataHealth = cache((actor: Actor) => getDataHealth(getPrisma(), actor));
