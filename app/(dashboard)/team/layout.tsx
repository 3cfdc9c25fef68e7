import { forbidden } from "next/navigation";
import { can } from "@/lib/access/permissions";
import { requireActor } from "@/lib/auth/actor";

/**
 * Refuses a technician here, above team/loading.tsx: a refusal decided inside the loading
 * boundary would arrive after the 200 had been sent. getTeamReport refuses them itself as well.
 */
export default async function TeamLayout({ children }: { children: React.ReactNode }) {
  if (!can(await requireActor(), "team:read")) forbidden();
  return children;
}
