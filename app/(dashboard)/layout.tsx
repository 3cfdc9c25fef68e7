import { AppHeader } from "@/components/shell/app-header";
import { DataHealthBanner } from "@/components/shell/data-health-banner";
import { requireActor } from "@/lib/auth/actor";
import { loadDataHealth } from "./load-data-health";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  const health = await loadDataHealth(actor);
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <AppHeader actor={actor} />
      <DataHealthBanner health={health} />
      <main id="main" className="mx-auto max-w-7xl px-4 py-6 sm:px-6">
        {children}
      </main>
    </>
  );
}
