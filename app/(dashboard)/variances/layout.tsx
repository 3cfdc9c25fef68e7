import type { ReactNode } from "react";
import { LiveVariances } from "@/components/live/live-variances";
import { requireActor } from "@/lib/auth/actor";

/** The queue and the variance pages show colleagues' changes as they happen (lib/live). */
export default async function VariancesLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  return <LiveVariances selfId={actor.id}>{children}</LiveVariances>;
}
