import { unstable_rethrow } from "next/navigation";
import { Suspense } from "react";
import { AppHeader } from "@/components/shell/app-header";
import { DataHealthBanner, DataHealthPlaceholder, DataHealthUnavailable } from "@/components/shell/data-health-banner";
import type { Actor } from "@/lib/access/roles";
import { requireActor } from "@/lib/auth/actor";
import { logger } from "@/lib/logging/logger";
import { loadDataHealth } from "./load-data-health";

/**
 * The banner's own read: streamed, so the shell never waits for it, and its failure costs only
 * the banner (the overview and team pages read the same data health for their own figures, and
 * answer its failure with their error boundary).
 */
async function DataHealth({ actor }: { actor: Actor }) {
  const health = await loadDataHealth(actor).catch((error: unknown) => {
    unstable_rethrow(error);
    logger.error({ err: error }, "data health could not be read");
    return null;
  });
  return health ? <DataHealthBanner health={health} /> : <DataHealthUnavailable />;
}

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <AppHeader actor={actor} />
      <Suspense fallback={<DataHealthPlaceholder />}>
        <DataHealth actor={actor} />
      </Suspense>
      <main id="main" className="mx-auto max-w-7xl px-4 py-6 sm:px-6">
        {children}
      </main>
    </>
  );
}
